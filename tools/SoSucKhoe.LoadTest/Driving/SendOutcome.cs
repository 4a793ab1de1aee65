using SoSucKhoe.LoadTest.Workload;

namespace SoSucKhoe.LoadTest.Driving;

/// <summary>
/// How one request ended: accepted (perhaps as a duplicate) or failed with a gRPC status name; with what was sent, for the
/// latency log (the facility, the dossier's size, and the check-in's share of the time when the visit started with one) and the
/// dossier's identity (facility, MA_LK, the version the hub answered, SHA-256 of the bytes sent) for the verification by identity.
/// </summary>
public readonly record struct SendOutcome(bool Accepted, bool Duplicate, string? ErrorStatus, string? DossierId)
{
    /// <summary>The facility code (MA_CSKCB) the request was sent for, or null when unknown.</summary>
    public string? FacilityCode { get; init; }

    /// <summary>The dossier's MA_LK, or null when unknown (the request failed before its dossier was taken).</summary>
    public string? MaLk { get; init; }

    /// <summary>SHA-256 of the bytes sent (<see cref="ContentHash.None"/> when unknown).</summary>
    public ContentHash Sha256 { get; init; }

    /// <summary>The version the hub answered (1 for a first submission), or 0 when the call failed.</summary>
    public int Version { get; init; }

    /// <summary>The size of the signed dossier in bytes (0 when unknown).</summary>
    public int DossierBytes { get; init; }

    /// <summary>How long the Intake.CheckIn call that preceded the dossier took; null when the visit had no check-in.</summary>
    public TimeSpan? CheckInTime { get; init; }

    public static SendOutcome Ok(string dossierId, bool duplicate = false) => new(true, duplicate, null, dossierId);

    public static SendOutcome Failed(string status) => new(false, false, status, null);
}
