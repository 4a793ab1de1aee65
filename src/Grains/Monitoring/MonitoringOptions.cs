using SoSucKhoe.Facilities;

namespace SoSucKhoe.Grains.Monitoring;

/// <summary>
/// Flow counting (configuration section "Monitoring"). <see cref="CareTypes"/> maps MA_LOAI_KCB to the six care types of the
/// semiannual report; configured entries add to or override the defaults, e.g. <c>"Monitoring:CareTypes:11": "OutpatientExam"</c>.
/// Visit types not in the map count as <see cref="DefaultCareType"/>.
/// </summary>
public sealed class MonitoringOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Monitoring";

    /// <summary>How often a silo's flow recorder flushes its counts to the flow grains.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// MA_LOAI_KCB → care type. Defaults: 01, 10 outpatient exam; 02, 05, 08 outpatient treatment; 07 drug refill; 03, 06, 09
    /// inpatient; 04 day care; 14 telemedicine.
    /// </summary>
    public Dictionary<string, CareType> CareTypes { get; set; } = new(StringComparer.Ordinal)
    {
        ["01"] = CareType.OutpatientExam,
        ["10"] = CareType.OutpatientExam,
        ["02"] = CareType.OutpatientTreatment,
        ["05"] = CareType.OutpatientTreatment,
        ["08"] = CareType.OutpatientTreatment,
        ["07"] = CareType.DrugRefill,
        ["03"] = CareType.Inpatient,
        ["06"] = CareType.Inpatient,
        ["09"] = CareType.Inpatient,
        ["04"] = CareType.DayCare,
        ["14"] = CareType.Telemedicine,
    };

    /// <summary>The care type of a visit type the map does not name.</summary>
    public CareType DefaultCareType { get; set; } = CareType.OutpatientExam;

    /// <summary>The care type of a visit type (MA_LOAI_KCB).</summary>
    public CareType CareTypeOf(string? visitType) =>
        visitType is not null && CareTypes.TryGetValue(visitType, out var careType) ? careType : DefaultCareType;
}
