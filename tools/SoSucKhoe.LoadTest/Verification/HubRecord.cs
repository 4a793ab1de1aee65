using SoSucKhoe.LoadTest.Workload;

namespace SoSucKhoe.LoadTest.Verification;

/// <summary>Where a dossier stands in the hub, as <c>Intake.GetDossierStatus</c> tells it.</summary>
public enum HubState
{
    /// <summary>Not asked yet, or the hub did not answer.</summary>
    Unknown = 0,

    /// <summary>NOT_FOUND: the hub does not hold the dossier (or this version of it).</summary>
    NotFound,

    /// <summary>Stored, waiting to be sent.</summary>
    Accepted,

    /// <summary>At least one attempt was made without a final answer.</summary>
    Forwarding,

    /// <summary>The gateway answered maKetQua 200 with a receipt.</summary>
    Acknowledged,

    /// <summary>The gateway refused it.</summary>
    RejectedByGateway,
}

/// <summary>A dossier's status in the hub: its state, the version and bytes it holds, and the gateway's receipt.</summary>
/// <param name="State">The forwarding state.</param>
/// <param name="Version">The version described.</param>
/// <param name="Sha256">SHA-256 of the bytes the hub stored for that version.</param>
/// <param name="Receipt">The gateway's transaction code (maGiaoDich), or null.</param>
/// <param name="ReceiptAt">The gateway's reception time, when the hub could read it.</param>
/// <param name="UpdatedAt">When the state last changed.</param>
/// <param name="LastError">The last transient error or refusal, if any.</param>
public sealed record HubRecord(
    HubState State, int Version, ContentHash Sha256, string? Receipt, DateTimeOffset? ReceiptAt, DateTimeOffset? UpdatedAt, string? LastError)
{
    /// <summary>The answer for a dossier the hub does not hold.</summary>
    public static readonly HubRecord NotFound = new(HubState.NotFound, 0, ContentHash.None, null, null, null, null);

    /// <summary>Acknowledged, with a receipt.</summary>
    public bool Acknowledged => State == HubState.Acknowledged && !string.IsNullOrEmpty(Receipt);
}

/// <summary>Which status was asked: a dossier id and a version (0 = the latest).</summary>
public readonly record struct HubQuery(string Facility, string MaLk, int Version);
