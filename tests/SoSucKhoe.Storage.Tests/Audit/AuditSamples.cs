using SoSucKhoe.Api.Security.Audit;

namespace SoSucKhoe.Storage.Tests.Audit;

/// <summary>Synthetic audit entries (no real person: the keys below follow the personal ID format only).</summary>
internal static class AuditSamples
{
    public const string SubjectHashKey = "storage-tests-audit-subject-secret";
    public const string PersonA = "070090001234";
    public const string PersonAMasked = "0700******34";
    public const string PersonB = "070191005678";

    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(7));

    /// <summary>A province code unique to one test, so that tests sharing a database (which keeps every entry) stay apart.</summary>
    public static string NewScope() => "t" + Guid.NewGuid().ToString("N")[..12];

    public static AuditRecord Read(string province, DateTimeOffset at, string? subject = PersonA, string facility = "70001") => new()
    {
        OccurredAt = at,
        Action = AuditActions.HealthBookRead,
        ActorRole = AuditActorRoles.Facility,
        ActorId = "key-" + facility,
        FacilityCode = facility,
        ProvinceCode = province,
        SubjectKey = subject,
        Purpose = "treatment",
        Outcome = AuditOutcomes.Allowed,
        Details = "book read at the desk",
    };

    public static AuditRecord Change(string province, DateTimeOffset at, string action, string actorId = "admin-1", string outcome = "ok") => new()
    {
        OccurredAt = at,
        Action = action,
        ActorRole = AuditActorRoles.Admin,
        ActorId = actorId,
        FacilityCode = "70002",
        ProvinceCode = province,
        Outcome = outcome,
        Details = "changed by an operator",
    };
}

/// <summary>A clock stopped at one instant.</summary>
internal sealed class AuditFixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
