using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.TestData;

/// <summary>Where a person lives, as the administrative-unit list of a day codes it (no district after the 2025 reform).</summary>
internal sealed record Residence(string ProvinceCode, string? DistrictCode, string? CommuneCode);

/// <summary>One priced row (drug or service) with the amounts of the national cost formula.</summary>
internal sealed record CostRow(
    int Stt,
    decimal Quantity,
    decimal UnitPriceHospital,
    decimal UnitPriceInsurance,
    int ServiceRatio,
    int InsuranceRatio,
    int Coverage,
    string Department,
    string Doctor,
    DateTimeOffset Ordered,
    DateTimeOffset? Performed,
    DateTimeOffset? Resulted)
{
    public decimal AmountHospital => Math.Round(Quantity * UnitPriceHospital * ServiceRatio / 100m, 2);

    public decimal AmountInsurance => Math.Round(Quantity * UnitPriceInsurance * ServiceRatio / 100m * InsuranceRatio / 100m, 2);

    public decimal InsurancePays => Math.Round(AmountInsurance * Coverage / 100m, 2);

    public decimal PatientCoPay => AmountInsurance - InsurancePays;

    public decimal PatientPays => AmountHospital - AmountInsurance;
}

internal sealed record DrugLine(CostRow Cost, DrugItem Item, string RegistrationNumber, string Tender, string Dosage);

internal sealed record ServiceLine(CostRow Cost, ServiceItem Item, string? Bed, string? Performer);

internal sealed record LabResultLine(int Stt, ServiceLine Service, LabIndex Index, string Value, string Conclusion);

internal sealed record ProgressNote(int Stt, DateTimeOffset At, string Text, string Doctor);

internal sealed record SickLeavePeriod(int Days, DateOnly From, DateOnly To, string SocialInsuranceNumber, string Employer);

/// <summary>Everything decided about one episode; the tables are projections of it.</summary>
internal sealed class Episode
{
    public required string MaLk { get; init; }
    public required long Sequence { get; init; }
    public required SyntheticCitizen Citizen { get; init; }
    public required SyntheticFacility Facility { get; init; }
    public required string VisitType { get; init; }
    public required DateTimeOffset Arrival { get; init; }
    public required DateTimeOffset? InpatientAdmission { get; init; }
    public required DateTimeOffset Discharge { get; init; }
    public required DateTimeOffset? Payment { get; init; }
    public required int TreatmentDays { get; init; }
    public required int DischargeType { get; init; }
    public required int TreatmentResult { get; init; }
    public required string MainDiagnosis { get; init; }
    public required IReadOnlyList<string> SecondaryDiagnoses { get; init; }
    public required string Department { get; init; }
    public required string DoctorCode { get; init; }
    public required string DoctorName { get; init; }
    public required string BeneficiaryCode { get; init; }
    public required DateOnly CardFrom { get; init; }
    public required DateOnly CardTo { get; init; }
    public required IReadOnlyList<DrugLine> Drugs { get; init; }
    public required IReadOnlyList<ServiceLine> Services { get; init; }
    public required IReadOnlyList<LabResultLine> LabResults { get; init; }
    public required IReadOnlyList<ProgressNote> ProgressNotes { get; init; }
    public required DateOnly? ReExamDate { get; init; }
    public required SickLeavePeriod? SickLeave { get; init; }
    public required string? ReferralDestination { get; init; }
    public required bool IncludeSummary { get; init; }

    /// <summary>The data standard the dossier is written to: by default the one governing the day the episode ended.</summary>
    public required DataStandard Standard { get; init; }

    /// <summary>The data standard of the arrival day, which the check-in is written to.</summary>
    public required DataStandard CheckInStandard { get; init; }

    /// <summary>The citizen's residence as the list in force when the episode ended codes it.</summary>
    public required Residence Residence { get; init; }

    public string MedicalRecordNumber => $"{Facility.Code}-HS{Sequence:D8}";

    public string MainDiagnosisText => DiagnosisCodes.Label(MainDiagnosis);

    public string DischargeDiagnosisText =>
        string.Join("; ", new[] { MainDiagnosis }.Concat(SecondaryDiagnoses).Select(DiagnosisCodes.Label));

    public string AllDiagnosisCodes => string.Join(';', new[] { MainDiagnosis }.Concat(SecondaryDiagnoses));

    public string TreatmentMethod => VisitTypes.IsInpatientStay(VisitType)
        ? "Điều trị nội khoa, theo dõi và chăm sóc toàn diện"
        : "Khám, kê đơn điều trị ngoại trú";

    public IEnumerable<CostRow> AllCosts => Drugs.Select(d => d.Cost).Concat(Services.Select(s => s.Cost));

    public decimal TotalDrugs => Drugs.Sum(d => d.Cost.AmountHospital);

    public decimal TotalMaterials => Services.Where(s => s.Item.Group == 10).Sum(s => s.Cost.AmountHospital);

    public decimal TotalHospital => AllCosts.Sum(c => c.AmountHospital);

    public decimal TotalInsuranceBase => AllCosts.Sum(c => c.AmountInsurance);

    public decimal TotalInsurancePays => AllCosts.Sum(c => c.InsurancePays);

    public decimal TotalCoPay => AllCosts.Sum(c => c.PatientCoPay);

    public decimal TotalPatientPays => AllCosts.Sum(c => c.PatientPays);

    public DateTimeOffset SettlementTime => Payment ?? Discharge;
}
