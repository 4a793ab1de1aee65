namespace SoSucKhoe.Api.Book;

/// <summary>Settings of the e-health book (configuration section "HealthBook").</summary>
public sealed class HealthBookOptions
{
    public const string SectionName = "HealthBook";

    /// <summary>How long after a check-in the facility may read the person's book (consent by presentation).</summary>
    public TimeSpan ConsentWindow { get; set; } = TimeSpan.FromHours(24);
}
