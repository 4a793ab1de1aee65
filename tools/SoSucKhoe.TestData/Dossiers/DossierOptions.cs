using System.Security.Cryptography.X509Certificates;

namespace SoSucKhoe.TestData;

/// <summary>
/// Choices for one generated episode. Null means "let the seeded generator decide" (plausible for the visit type).
/// </summary>
public sealed record DossierOptions
{
    public static DossierOptions Default { get; } = new();

    /// <summary>Number of XML2 drug rows, 0..500. Zero: no XML2 table.</summary>
    public int? DrugRows { get; init; }

    /// <summary>Number of XML3 service/material rows, 0..500. Zero: no XML3 table.</summary>
    public int? ServiceRows { get; init; }

    /// <summary>MA_LOAI_RV 1..5 (2 and 5 are referrals and add XML13).</summary>
    public int DischargeType { get; init; } = 1;

    /// <summary>KET_QUA_DTRI 1..8.</summary>
    public int? TreatmentResult { get; init; }

    /// <summary>A re-exam is booked: NGAY_TAI_KHAM is filled and XML14 is added.</summary>
    public bool ReExamBooked { get; init; }

    /// <summary>A sick-leave certificate is issued: XML11 is added.</summary>
    public bool SickLeave { get; init; }

    /// <summary>Days of sick leave (1..30) when <see cref="SickLeave"/> is set.</summary>
    public int? SickLeaveDays { get; init; }

    /// <summary>NGAY_TTOAN known (filled) or not yet (empty; the facility resends later).</summary>
    public bool PaymentTimeKnown { get; init; } = true;

    /// <summary>Lab results (XML4) for the lab rows of XML3; null = sometimes.</summary>
    public bool? LabResults { get; init; }

    /// <summary>Length of stay in days for 02/03/04/06 (0..999); null = plausible for the visit type.</summary>
    public int? LengthOfStayDays { get; init; }

    /// <summary>Plausible ICD-10 codes to draw the main and secondary diagnoses from; null = <see cref="DiagnosisCodes.Common"/>.</summary>
    public IReadOnlyList<string>? DiagnosisCodes { get; init; }

    /// <summary>Write diagnosis codes dotted ("J06.9") or undotted ("J069"); null = either, per dossier.</summary>
    public bool? DottedDiagnosisCodes { get; init; }

    /// <summary>Province setting: add the record summary XML8 to every visit, not only 03/04/06.</summary>
    public bool SummaryForEveryVisit { get; init; }

    /// <summary>Facility code of the referral destination (MA_NOI_DEN) for discharge types 2 and 5.</summary>
    public string? ReferralDestination { get; init; }

    /// <summary>Sign the envelope (default). When false, <see cref="GeneratedDossier.Signed"/> is empty.</summary>
    public bool Sign { get; init; } = true;

    /// <summary>Certificate to sign with; null = the cached default certificate of the facility.</summary>
    public X509Certificate2? SigningCertificate { get; init; }

    /// <summary>Episode sequence number (part of MA_LK and of the per-episode seed); null = the factory's next number.</summary>
    public long? Sequence { get; init; }

    /// <summary>
    /// The episode key MA_LK (1..100 printable characters); null = <c>{facility}{arrival yyyyMMddHHmm}{sequence:D6}</c>. Only the
    /// key changes: the episode's content still comes from the seed and the sequence.
    /// </summary>
    public string? MaLk { get; init; }

    /// <summary>
    /// The data standard to write the dossier in ("4750", "3176"); null = the one that governs the day the episode ends in the
    /// product's standards catalogue (QĐ 3176 from 01/01/2025). Set it to produce a dossier of the wrong standard.
    /// </summary>
    public string? Standard { get; init; }
}
