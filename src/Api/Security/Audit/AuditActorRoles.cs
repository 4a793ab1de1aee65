namespace SoSucKhoe.Api.Security.Audit;

/// <summary>Who acted (<see cref="AuditRecord.ActorRole"/>); the store accepts only these values.</summary>
public static class AuditActorRoles
{
    /// <summary>A facility's HIS, through its API key.</summary>
    public const string Facility = "facility";

    /// <summary>The province health department.</summary>
    public const string Province = "province";

    /// <summary>An operator of the hub.</summary>
    public const string Admin = "admin";

    /// <summary>The hub itself (a timer, a re-drive, start-up).</summary>
    public const string System = "system";

    /// <summary>Every accepted value.</summary>
    public static IReadOnlyList<string> All { get; } = [Facility, Province, Admin, System];
}
