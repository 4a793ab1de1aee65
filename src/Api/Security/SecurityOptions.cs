namespace SoSucKhoe.Api.Security;

/// <summary>Security settings (configuration section "Security").</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// The first admin key (format ssk1.&lt;20 hex&gt;.&lt;secret&gt;), registered at start if the hub has none. Give it through the
    /// environment (SOSUCKHOE_Security__BootstrapAdminKey) rather than a file in the repository.
    /// </summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>
    /// When no bootstrap key is configured and the hub has no admin key yet, generate one and write it to this file (readable by
    /// the hub's user only). A relative path is taken from the working directory. Null disables it.
    /// </summary>
    public string? GeneratedAdminKeyFile { get; set; }

    /// <summary>Requests per second each caller (facility, province, admin key holder) may make, sustained.</summary>
    public int RequestsPerSecond { get; set; } = 200;

    /// <summary>Requests a caller may make in a burst above the sustained rate.</summary>
    public int Burst { get; set; } = 400;

    /// <summary>
    /// Least time between two log lines (and audit entries) about calls refused from one source (<see cref="AccessRefusals"/>).
    /// </summary>
    public TimeSpan RefusalReportInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Default grace period of a facility key rotation.</summary>
    public TimeSpan DefaultRotationGrace { get; set; } = TimeSpan.FromHours(24);
}
