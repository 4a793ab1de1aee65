using SoSucKhoe.Api.V1;

namespace SoSucKhoe.LoadTest.Workload;

/// <summary>
/// One pre-signed dossier, ready to send with its facility's key; with <see cref="CheckIn"/> the visit starts with
/// Intake.CheckIn (carrying the signed XML0) before the dossier is submitted. <see cref="MaLk"/> and <see cref="Sha256"/> are its
/// identity, which the tool records with every request and checks after the run against the hub and the gateway.
/// </summary>
public sealed record PreparedDossier(string FacilityCode, string VisitType, byte[] Document)
{
    /// <summary>The check-in to send first, or null for a dossier alone.</summary>
    public CheckInRequest? CheckIn { get; init; }

    /// <summary>The episode key (MA_LK) the dossier carries.</summary>
    public string MaLk { get; init; } = string.Empty;

    /// <summary>SHA-256 of <see cref="Document"/>: the exact bytes sent.</summary>
    public ContentHash Sha256 { get; init; }

    /// <summary>The size class it was generated for.</summary>
    public DossierSize Size { get; init; } = DossierSize.Outpatient;
}
