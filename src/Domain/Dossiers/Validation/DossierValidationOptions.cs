namespace SoSucKhoe.Dossiers.Validation;

/// <summary>
/// Province-dependent settings of <see cref="DossierValidator"/>; bind them from configuration. Lists that decisions change by
/// date (MA_LOAI_KCB, MA_DOITUONG_KCB, MA_KHOA) are dated catalogue files (<see cref="DossierRules.CodeLists"/>), not settings.
/// </summary>
public sealed class DossierValidationOptions
{
    /// <summary>Accepted KET_QUA_DTRI codes (QĐ 4750 added 8).</summary>
    public IList<string> TreatmentResultCodes { get; set; } = ["1", "2", "3", "4", "5", "6", "7", "8"];

    /// <summary>Accepted MA_LOAI_RV codes.</summary>
    public IList<string> DischargeTypeCodes { get; set; } = ["1", "2", "3", "4", "5"];

    /// <summary>Accepted GIOI_TINH codes.</summary>
    public IList<string> SexCodes { get; set; } = ["1", "2", "3"];

    /// <summary>Inpatient visit types, for which XML8 (and XML7 on discharge) are expected: 03, 04, 06.</summary>
    public IList<string> InpatientVisitTypes { get; set; } = ["03", "04", "06"];

    /// <summary>When true, XML8 (record summary) is required for every visit, not only inpatient ones (a provincial setting).</summary>
    public bool RequireRecordSummaryForEveryVisit { get; set; }

    /// <summary>When true, XML7 (discharge certificate) is required for an inpatient discharge.</summary>
    public bool RequireDischargeCertificateForInpatient { get; set; } = true;

    /// <summary>MA_LOAI_RV codes that count as a discharge issuing a certificate: 1 (discharged) and 4 (discharged at own request).</summary>
    public IList<string> DischargeCertificateExitTypes { get; set; } = ["1", "4"];

    /// <summary>KET_QUA_DTRI codes for which no discharge certificate is issued: 5 (died).</summary>
    public IList<string> DeathResultCodes { get; set; } = ["5"];

    /// <summary>MA_LOAI_RV codes that are transfers, the only ones that may (and must) carry XML13: 2 and 5.</summary>
    public IList<string> TransferExitTypes { get; set; } = ["2", "5"];

    /// <summary>When true, XML13 is required when MA_LOAI_RV is a transfer.</summary>
    public bool RequireTransferCertificateOnTransfer { get; set; } = true;

    /// <summary>When true, XML14 is required when XML1 NGAY_TAI_KHAM books a re-exam.</summary>
    public bool RequireReExamAppointmentWhenBooked { get; set; }

    /// <summary>How far in the future NGAY_VAO / NGAY_SINH may be (facility clocks drift).</summary>
    public TimeSpan ClockSkewTolerance { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Most secondary diagnoses in MA_BENH_KT.</summary>
    public int MaxSecondaryDiagnoses { get; set; } = 12;

    /// <summary>When true, a field the catalogue does not know is reported (off by default: the standard evolves).</summary>
    public bool ReportUnknownFields { get; set; }

    /// <summary>Most violations returned for one document (one extra entry says the list was cut).</summary>
    public int MaxViolations { get; set; } = 1000;
}
