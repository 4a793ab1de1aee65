namespace SoSucKhoe.LoadTest.Verification;

/// <summary>What became of one dossier identity: OK'd (or stored although its call failed), and whether it reached the gateway.</summary>
public enum DossierOutcome
{
    /// <summary>At the gateway and acknowledged by the hub with the gateway's receipt and the same bytes, within the bound.</summary>
    Acknowledged,

    /// <summary>Acknowledged, but after waiting longer than the bound while the hub and the gateway were both up.</summary>
    Late,

    /// <summary>OK'd (or stored) and not at the gateway when the drain ended.</summary>
    Lost,

    /// <summary>At the gateway, but the hub's record disagrees (other bytes, no receipt, a receipt the gateway never gave, not acknowledged).</summary>
    Mismatch,

    /// <summary>Its calls failed and the hub does not hold it: nothing was promised, nothing is owed.</summary>
    NotStored,
}

/// <summary>The verdict on one dossier identity.</summary>
public sealed record DossierVerdict
{
    public required DossierKey Key { get; init; }

    /// <summary>The version the hub answered (0 when no call was answered OK).</summary>
    public int Version { get; init; }

    /// <summary>True when at least one call was answered OK.</summary>
    public bool Okd { get; init; }

    /// <summary>True when every call failed but the hub holds the bytes (the HIS would resend it and get <c>duplicate</c>).</summary>
    public bool FailedYetStored { get; init; }

    /// <summary>Calls made for this identity (more than one when the HIS resent it).</summary>
    public int Calls { get; init; }

    /// <summary>When the first OK came back; for a failed-yet-stored dossier, when its first call failed.</summary>
    public DateTimeOffset At { get; init; }

    public DossierOutcome Outcome { get; init; }

    /// <summary>When the gateway first received it (the emulator's record; else the hub's receipt time).</summary>
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>Seconds from <see cref="At"/> to <see cref="DeliveredAt"/>.</summary>
    public double? DelaySeconds { get; init; }

    /// <summary>The same, less the time in which the hub was down or the gateway out: how long the forwarding kept it waiting.</summary>
    public double? EffectiveDelaySeconds { get; init; }

    /// <summary>How many times the gateway received these exact bytes.</summary>
    public int GatewayCopies { get; init; }

    /// <summary>With several copies: true when every extra copy came in a later life of the hub than the copy before it.</summary>
    public bool CopiesAcrossRestart { get; init; }

    /// <summary>The hub's state when last asked.</summary>
    public HubState HubState { get; init; }

    /// <summary>The hub's last error for it, when not acknowledged.</summary>
    public string? HubLastError { get; init; }

    /// <summary>Why a mismatch is one.</summary>
    public string? Problem { get; init; }

    /// <summary>True when the gateway received these bytes more than once.</summary>
    public bool Duplicated => GatewayCopies > 1;
}
