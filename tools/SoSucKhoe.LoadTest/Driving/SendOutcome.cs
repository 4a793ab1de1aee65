namespace SoSucKhoe.LoadTest.Driving;

/// <summary>How one SubmitDossier call ended: accepted (perhaps as a duplicate) or failed with a gRPC status name.</summary>
public readonly record struct SendOutcome(bool Accepted, bool Duplicate, string? ErrorStatus, string? DossierId)
{
    public static SendOutcome Ok(string dossierId, bool duplicate = false) => new(true, duplicate, null, dossierId);

    public static SendOutcome Failed(string status) => new(false, false, status, null);
}
