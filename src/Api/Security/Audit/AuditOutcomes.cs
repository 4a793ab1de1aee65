namespace SoSucKhoe.Api.Security.Audit;

/// <summary>How the audited action ended (<see cref="AuditRecord.Outcome"/>); the store accepts only these values.</summary>
public static class AuditOutcomes
{
    /// <summary>An access that was granted (e.g. a health-book read).</summary>
    public const string Allowed = "allowed";

    /// <summary>An access or a change that was refused.</summary>
    public const string Denied = "denied";

    /// <summary>A change that was carried out.</summary>
    public const string Ok = "ok";

    /// <summary>Every accepted value.</summary>
    public static IReadOnlyList<string> All { get; } = [Allowed, Denied, Ok];
}
