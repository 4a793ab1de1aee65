namespace SoSucKhoe.Api.Security.Audit;

/// <summary>
/// Filters and a page of the audit trail. Every filter left null matches everything; the filters combine with AND, the values
/// of <see cref="Actions"/> with OR.
/// </summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.AuditQuery")]
public sealed record AuditQuery
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Entries that occurred at or after this instant.</summary>
    [Id(0)]
    public DateTimeOffset? From { get; init; }

    /// <summary>Entries that occurred strictly before this instant.</summary>
    [Id(1)]
    public DateTimeOffset? To { get; init; }

    /// <summary>Entries with one of these action codes (null or empty: any action).</summary>
    [Id(2)]
    public IReadOnlyList<string>? Actions { get; init; }

    /// <summary>Entries about this facility (MA_CSKCB).</summary>
    [Id(3)]
    public string? FacilityCode { get; init; }

    /// <summary>Entries about this province.</summary>
    [Id(4)]
    public string? ProvinceCode { get; init; }

    /// <summary>Entries by this actor.</summary>
    [Id(5)]
    public string? ActorId { get; init; }

    /// <summary>Entries about this person: the full person key, matched exactly through its keyed hash.</summary>
    [Id(6)]
    public string? SubjectKey { get; init; }

    /// <summary>Entries with this outcome (<see cref="AuditOutcomes"/>).</summary>
    [Id(7)]
    public string? Outcome { get; init; }

    /// <summary>
    /// Continue after this entry in the chosen <see cref="Order"/> (ids below it when newest first, above it when oldest
    /// first): pass the previous page's <see cref="AuditPage.NextAfterId"/>.
    /// </summary>
    [Id(8)]
    public long? AfterId { get; init; }

    /// <summary>At most this many entries (1 to <see cref="MaxLimit"/>).</summary>
    [Id(9)]
    public int Limit { get; init; } = 100;

    /// <summary>Newest first (the default) or oldest first.</summary>
    [Id(10)]
    public AuditOrder Order { get; init; }
}
