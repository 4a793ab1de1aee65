namespace SoSucKhoe.Grains.Forwarding;

/// <summary>Settings of the outbox and the forwarders (configuration section "Forwarding").</summary>
public sealed class ForwardingOptions
{
    public const string SectionName = "Forwarding";

    /// <summary>How often each outbox index shard asks its persons to re-drive their outbox.</summary>
    public TimeSpan RedriveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An outbox entry published this long ago without an answer is published again.</summary>
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>First delay before a patient re-sends after a transient gateway failure; doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest delay between re-sends of a failing outbox entry.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// While the gateway fails, each forwarder that saw the failure asks one recently failed person to resume this often, so that
    /// the gateway's return is noticed even when every person is in a long back-off. The first answer after failures makes
    /// every outbox index shard resume its persons at once.
    /// </summary>
    public TimeSpan RecoveryProbeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A shard ignores resume requests this soon after its previous resume round.</summary>
    public TimeSpan ResumeCooldown { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many gateway calls one facility's forwarder keeps in flight at once.</summary>
    public int MaxConcurrentPerFacility { get; set; } = 16;

    /// <summary>How long a forwarder trusts the facility's cached gateway account before reading it again.</summary>
    public TimeSpan ProfileCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The gateway account used for facilities registered without one (e.g. against the emulator).</summary>
    public string? DefaultGatewayUsername { get; set; }

    /// <summary>Password of <see cref="DefaultGatewayUsername"/>.</summary>
    public string? DefaultGatewayPassword { get; set; }
}
