using System.Text.RegularExpressions;
using SoSucKhoe.Api.Security.Audit;

namespace SoSucKhoe.Silo.Security.Audit;

/// <summary>What an entry and a query must satisfy, and how an entry becomes a stored row (shared by every store).</summary>
internal static partial class AuditRules
{
    public const int MaxActionLength = 64;
    public const int MaxActorIdLength = 128;
    public const int MaxCodeLength = 32;
    public const int MaxSubjectLength = 64;
    public const int MaxPurposeLength = 200;
    public const int MaxDetailsLength = 1000;

    /// <summary>Checks <paramref name="entry"/> and turns it into the row to store.</summary>
    /// <exception cref="ArgumentException">The entry breaks a rule; the message names the field.</exception>
    public static AuditRow ToRow(AuditRecord entry, AuditSubjectProtector protector, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Id != 0)
        {
            throw Invalid(nameof(AuditRecord.Id), "is assigned by the store: append an entry with Id 0, once");
        }

        var action = entry.Action ?? "";
        if (action.Length > MaxActionLength || !ActionCode().IsMatch(action))
        {
            throw Invalid(nameof(AuditRecord.Action), "must be a lower-case code such as \"healthbook.read\" (see AuditActions)");
        }

        if (!AuditActorRoles.All.Contains(entry.ActorRole))
        {
            throw Invalid(nameof(AuditRecord.ActorRole), $"must be one of {string.Join(", ", AuditActorRoles.All)}");
        }

        if (!AuditOutcomes.All.Contains(entry.Outcome))
        {
            throw Invalid(nameof(AuditRecord.Outcome), $"must be one of {string.Join(", ", AuditOutcomes.All)}");
        }

        var actorId = Text(entry.ActorId, MaxActorIdLength, nameof(AuditRecord.ActorId))
            ?? throw Invalid(nameof(AuditRecord.ActorId), "is required");
        var subject = Text(entry.SubjectKey, MaxSubjectLength, nameof(AuditRecord.SubjectKey));
        var occurredAt = entry.OccurredAt == default ? now : entry.OccurredAt;

        return new AuditRow(
            TruncateToMicroseconds(occurredAt),
            action,
            entry.ActorRole,
            actorId,
            Text(entry.FacilityCode, MaxCodeLength, nameof(AuditRecord.FacilityCode)),
            Text(entry.ProvinceCode, MaxCodeLength, nameof(AuditRecord.ProvinceCode)),
            subject is null ? null : AuditSubjectProtector.Mask(subject),
            subject is null ? null : protector.Hash(subject),
            MaskDigitRuns(Text(entry.Purpose, MaxPurposeLength, nameof(AuditRecord.Purpose))),
            entry.Outcome,
            MaskDigitRuns(Text(entry.Details, MaxDetailsLength, nameof(AuditRecord.Details))) ?? "");
    }

    /// <summary>Checks the paging of <paramref name="query"/>.</summary>
    /// <exception cref="ArgumentException">Limit out of range, unknown order or an empty action code.</exception>
    public static void Check(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > AuditQuery.MaxLimit)
        {
            throw new ArgumentException($"Limit must be between 1 and {AuditQuery.MaxLimit}, not {query.Limit}.", nameof(query));
        }

        if (!Enum.IsDefined(query.Order))
        {
            throw new ArgumentException($"Order {(int)query.Order} is not an AuditOrder.", nameof(query));
        }

        if (query.Actions is { } actions && actions.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Actions must not hold an empty code.", nameof(query));
        }
    }

    /// <summary>Drops the sub-microsecond part (both databases keep microseconds) and converts to UTC.</summary>
    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }

    /// <summary>
    /// The smallest microsecond instant at or after <paramref name="value"/>, in UTC: a stored time t (whole microseconds) is
    /// at or after <paramref name="value"/> exactly when it is at or after this bound, and likewise for "before".
    /// </summary>
    public static DateTimeOffset CeilingToMicroseconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        var remainder = utc.Ticks % TimeSpan.TicksPerMicrosecond;
        return new DateTimeOffset(remainder == 0 ? utc.Ticks : utc.Ticks - remainder + TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
    }

    /// <summary>Masks every run of 9 or more digits (a personal ID, an old ID, an insurance number) in free text.</summary>
    public static string? MaskDigitRuns(string? text) =>
        text is null ? null : DigitRun().Replace(text, match => AuditSubjectProtector.Mask(match.Value));

    private static string? Text(string? value, int maxLength, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw Invalid(field, $"must be at most {maxLength} characters");
        }

        if (trimmed.Any(char.IsControl))
        {
            throw Invalid(field, "must not contain control characters");
        }

        return trimmed;
    }

    private static ArgumentException Invalid(string field, string rule, string paramName = "entry") =>
        new($"Audit entry field {field} {rule}.", paramName);

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex ActionCode();

    [GeneratedRegex("[0-9]{9,}", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();
}
