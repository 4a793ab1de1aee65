namespace SoSucKhoe.TestData;

/// <summary>MA_LOAI_KCB visit types (QĐ 824) produced by the generator.</summary>
public static class VisitTypes
{
    public const string OutpatientExam = "01";
    public const string OutpatientTreatment = "02";
    public const string Inpatient = "03";
    public const string DayInpatient = "04";
    public const string ChronicOutpatientExamAndDrugs = "05";
    public const string CommuneStationStay = "06";
    public const string DrugRefillByAppointment = "07";
    public const string ChronicOutpatientServices = "08";
    public const string InpatientUnderFourHours = "09";
    public const string Other = "10";

    public static IReadOnlyList<string> All { get; } = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"];

    /// <summary>Visit types that carry a discharge paper (XML7), clinical progress (XML5) and record summary (XML8).</summary>
    public static bool IsInpatientStay(string visitType) => visitType is Inpatient or DayInpatient or CommuneStationStay;
}
