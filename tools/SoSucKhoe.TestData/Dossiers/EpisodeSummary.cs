namespace SoSucKhoe.TestData;

/// <summary>Facts of a generated episode, for assertions without parsing the XML.</summary>
public sealed record EpisodeSummary(
    long Sequence,
    DateTimeOffset Arrival,
    DateTimeOffset? InpatientAdmission,
    DateTimeOffset Discharge,
    DateTimeOffset? Payment,
    int TreatmentDays,
    int DischargeType,
    int TreatmentResult,
    string MainDiagnosis,
    IReadOnlyList<string> SecondaryDiagnoses,
    int DrugRows,
    int ServiceRows,
    int LabResultRows,
    decimal TotalCost,
    decimal InsurancePays,
    decimal PatientPays,
    DateOnly? ReExamDate,
    int? SickLeaveDays,
    string? ReferralDestination);
