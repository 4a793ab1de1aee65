using SoSucKhoe.LoadTest.Workload;

namespace SoSucKhoe.LoadTest.Verification;

/// <summary>One request of a run as the tool recorded it: its dossier's identity, how the hub answered, and when.</summary>
/// <param name="Phase">The latency log's phase (<c>warmup</c>, <c>run</c>, <c>step&lt;n&gt;</c>).</param>
/// <param name="Index">The request's index in its phase.</param>
/// <param name="Facility">MA_CSKCB, empty when unknown.</param>
/// <param name="MaLk">MA_LK, empty when unknown.</param>
/// <param name="Sha256">SHA-256 of the bytes sent.</param>
/// <param name="Version">The version the hub answered; 0 when the call failed.</param>
/// <param name="Status"><see cref="Ok"/>, <see cref="DuplicateStatus"/>, or the gRPC status name of a failed call.</param>
/// <param name="SentAt">When the call started (UTC, from the tool's monotonic clock).</param>
/// <param name="CompletedAt">When its answer or failure came back.</param>
public sealed record SentRequest(
    string Phase, int Index, string Facility, string MaLk, ContentHash Sha256, int Version, string Status, DateTimeOffset SentAt, DateTimeOffset CompletedAt)
{
    /// <summary>The status of a call answered OK with a new dossier or version.</summary>
    public const string Ok = "OK";

    /// <summary>The status of a call answered OK with <c>duplicate</c> = true (the hub had the same bytes already).</summary>
    public const string DuplicateStatus = "Duplicate";

    /// <summary>True when the hub answered OK: it promised the dossier reaches the gateway.</summary>
    public bool Accepted => Status is Ok or DuplicateStatus;

    /// <summary>True when facility, MA_LK and content hash are all known.</summary>
    public bool HasIdentity => Facility.Length > 0 && MaLk.Length > 0 && !Sha256.IsNone;

    /// <summary>The dossier's identity.</summary>
    public DossierKey Key => new(Facility, MaLk, Sha256);
}
