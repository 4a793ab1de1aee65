using SoSucKhoe.Api.V1;

namespace SoSucKhoe.LoadTest.Workload;

/// <summary>
/// One pre-signed dossier, ready to send with its facility's key; with <see cref="CheckIn"/> the visit starts with
/// Intake.CheckIn (carrying the signed XML0) before the dossier is submitted.
/// </summary>
public sealed record PreparedDossier(string FacilityCode, string VisitType, byte[] Document)
{
    /// <summary>The check-in to send first, or null for a dossier alone.</summary>
    public CheckInRequest? CheckIn { get; init; }

    /// <summary>The size class it was generated for.</summary>
    public DossierSize Size { get; init; } = DossierSize.Outpatient;
}
