namespace SoSucKhoe.GatewayEmulator;

/// <summary>Faults the emulator injects into the gateway services (token, check-in, dossier); the control endpoints are never faulted.</summary>
public sealed class EmulatorFaultSettings
{
    /// <summary>Added to every gateway request.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>A random extra delay between zero and this, added to <see cref="Latency"/>.</summary>
    public TimeSpan Jitter { get; set; }

    /// <summary>Share of gateway requests answered HTTP 500 (0..1).</summary>
    public double ErrorRate { get; set; }

    /// <summary>Share of valid documents refused with a business result code (maKetQua not 200) (0..1).</summary>
    public double RejectRate { get; set; }

    /// <summary>The next N gateway requests are answered HTTP 500.</summary>
    public int FailNext { get; set; }

    /// <summary>An outage (HTTP 503) lasting this long from the start.</summary>
    public TimeSpan? OutageFor { get; set; }

    /// <summary>An outage (HTTP 503) until this instant.</summary>
    public DateTimeOffset? OutageUntil { get; set; }
}
