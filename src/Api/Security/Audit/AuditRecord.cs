namespace SoSucKhoe.Api.Security.Audit;

/// <summary>
/// One event of the audit trail. Entries are appended once and never change: no API updates or deletes them, and the database
/// tables refuse UPDATE and DELETE.
/// </summary>
/// <remarks>
/// No field may carry personal data other than <see cref="SubjectKey"/>, which the store never keeps in clear: it stores the
/// masked key (first 4 and last 2 characters) and a keyed hash (HMAC-SHA256) that lets a query by the exact key find the
/// person's entries. Runs of 9 or more digits in <see cref="Purpose"/> and <see cref="Details"/> are masked by the store as a
/// safety net.
/// </remarks>
[GenerateSerializer, Immutable, Alias("sosuckhoe.AuditEntry")]
public sealed record AuditRecord
{
    /// <summary>Assigned by the store on append (leave it 0): increasing in commit order, never reused.</summary>
    [Id(0)]
    public long Id { get; init; }

    /// <summary>When it happened (stored in UTC to the microsecond); left default, the store uses its clock.</summary>
    [Id(1)]
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The action code, one of <see cref="AuditActions"/> (lower-case "subject.verb", at most 64 characters).</summary>
    [Id(2)]
    public string Action { get; init; } = "";

    /// <summary>One of <see cref="AuditActorRoles"/>.</summary>
    [Id(3)]
    public string ActorRole { get; init; } = "";

    /// <summary>The actor: an API key id, a facility code, an operator name, "hub" for the system. Never a secret.</summary>
    [Id(4)]
    public string ActorId { get; init; } = "";

    /// <summary>MA_CSKCB of the facility concerned, if any.</summary>
    [Id(5)]
    public string? FacilityCode { get; init; }

    /// <summary>The province concerned (2-digit code), if any.</summary>
    [Id(6)]
    public string? ProvinceCode { get; init; }

    /// <summary>
    /// The person concerned (a person key, e.g. the 12-digit personal ID), if any. On append: the full key, which the store
    /// masks and hashes and never keeps. On entries read back: the masked key only.
    /// </summary>
    [Id(7)]
    public string? SubjectKey { get; init; }

    /// <summary>The declared purpose of an access (e.g. "treatment"), if any.</summary>
    [Id(8)]
    public string? Purpose { get; init; }

    /// <summary>One of <see cref="AuditOutcomes"/>.</summary>
    [Id(9)]
    public string Outcome { get; init; } = "";

    /// <summary>Short free text (at most 1000 characters), no personal data: a reason, a changed field, a count.</summary>
    [Id(10)]
    public string Details { get; init; } = "";
}
