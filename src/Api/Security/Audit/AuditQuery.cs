namespace SoSucKhoe.Api.Security.Audit;

/// <summary>
/// Filters and a page of the audit trail. Every filter left null matches everything; the filters combine with AND, the values
/// of <see cref="Actions"/> with OR.
/// </summary>
public sealed record AuditQuery
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Entries that occurred at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Entries that occurred strictly before this instant.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Entries with one of these action codes (null or empty: any action).</summary>
    public IReadOnlyList<string>? Actions { get; init; }

    /// <summary>Entries about this facility (MA_CSKCB).</summary>
    public string? FacilityCode { get; init; }

    /// <summary>Entries about this province.</summary>
    public string? ProvinceCode { get; init; }

    /// <summary>Entries by this actor.</summary>
    public string? ActorId { get; init; }

    /// <summary>Entries about this person: the full person key, matched exactly through its keyed hash.</summary>
    public string? SubjectKey { get; init; }

    /// <summary>Entries with this outcome (<see cref="AuditOutcomes"/>).</summary>
    public string? Outcome { get; init; }

    /// <summary>
    /// Continue after this entry in the chosen <see cref="Order"/> (ids below it when newest first, above it when oldest
    /// first): pass the previous page's <see cref="AuditPage.NextAfterId"/>.
    /// </summary>
    public long? AfterId { get; init; }

    /// <summary>At most this many entries (1 to <see cref="MaxLimit"/>).</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Newest first (the default) or oldest first.</summary>
    public AuditOrder Order { get; init; }
}
