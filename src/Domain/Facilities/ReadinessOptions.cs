namespace SoSucKhoe.Facilities;

/// <summary>Readiness rules, targets and alert thresholds (configuration section "Readiness").</summary>
public sealed class ReadinessOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Readiness";

    /// <summary>Distinct clean conformance dossiers that prove "HIS configured".</summary>
    public int ConformanceDossiersRequired { get; set; } = 5;

    /// <summary>Share of staff trained (0 to 1) from which "staff trained" is met.</summary>
    public double StaffTrainedThreshold { get; set; } = 0.8;

    /// <summary>
    /// The province this hub serves today (its aggregate is activated at start so the sweep runs); aggregates are kept for every
    /// province. Its history comes from the administrative-unit lists: the new Đồng Nai (75) was formed on 01/07/2025 from Bình
    /// Phước (70) and Đồng Nai (75), so facility codes of both belong to it.
    /// </summary>
    public string ProvinceCode { get; set; } = "75";

    /// <summary>Deadline of phase 1 (local date).</summary>
    public DateOnly Phase1Deadline { get; set; } = new(2024, 12, 31);

    /// <summary>Share of facilities that must complete phase 1 by its deadline.</summary>
    public double Phase1Target { get; set; } = 1.0;

    /// <summary>Deadline of phase 2 (local date).</summary>
    public DateOnly Phase2Deadline { get; set; } = new(2025, 3, 31);

    /// <summary>Share of facilities that must complete phase 2 by its deadline.</summary>
    public double Phase2Target { get; set; } = 1.0;

    /// <summary>A live facility with no dossier for this many working hours raises a "silent" alert.</summary>
    public double SilentAfterWorkingHours { get; set; } = 8;

    /// <summary>Start of the working day (local time).</summary>
    public TimeOnly WorkdayStart { get; set; } = new(7, 0);

    /// <summary>End of the working day (local time).</summary>
    public TimeOnly WorkdayEnd { get; set; } = new(17, 0);

    /// <summary>Working days; null or empty means Monday to Saturday.</summary>
    public DayOfWeek[]? WorkingDays { get; set; }

    /// <summary>Offset of local time from UTC (Vietnam: +07:00).</summary>
    public TimeSpan LocalOffset { get; set; } = TimeSpan.FromHours(7);

    /// <summary>A signing certificate that expires within this many days raises an alert.</summary>
    public int CertificateExpiryWarningDays { get; set; } = 30;

    /// <summary>When a facility's rejection rate counts as a jump.</summary>
    public RejectionJumpOptions RejectionJump { get; set; } = new();

    /// <summary>How often the province aggregate asks its facilities to re-derive their state.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many recent changes the province aggregate keeps in memory for <c>GetChangesSince</c>.</summary>
    public int ChangeLogCapacity { get; set; } = 10_000;

    /// <summary>The working days in force (the default when none are configured).</summary>
    public IReadOnlySet<DayOfWeek> EffectiveWorkingDays => WorkingDays is { Length: > 0 } days
        ? days.ToHashSet()
        : new HashSet<DayOfWeek>
        {
            DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday,
        };

    /// <summary>The local calendar day of an instant.</summary>
    public DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(LocalOffset).DateTime);
}

/// <summary>
/// A rejection-rate jump: in the last 24 hours at least <see cref="MinSamples"/> dossiers were received, the share refused by the
/// hub is at least <see cref="MinRate"/>, and at least <see cref="Factor"/> times the share of the 7 days before.
/// </summary>
public sealed class RejectionJumpOptions
{
    /// <summary>Fewest dossiers received in the last 24 hours for the rate to mean anything.</summary>
    public int MinSamples { get; set; } = 20;

    /// <summary>How many times the baseline rate the recent rate must reach.</summary>
    public double Factor { get; set; } = 2.0;

    /// <summary>Smallest recent rate that can alert.</summary>
    public double MinRate { get; set; } = 0.2;
}
