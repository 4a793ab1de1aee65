using SoSucKhoe.Dossiers.Model;

namespace SoSucKhoe.Dossiers.Reading;

/// <summary>The outcome of reading an envelope.</summary>
/// <param name="Dossier">The dossier, or null when the envelope itself could not be read (malformed, over limits, wrong encoding, DTD).</param>
/// <param name="Violations">Every problem found while reading (also available as <see cref="Dossier.ReadViolations"/>).</param>
public sealed record DossierReadResult(Dossier? Dossier, IReadOnlyList<Violation> Violations)
{
    /// <summary>True when the dossier was read without any problem.</summary>
    public bool IsClean => Dossier is not null && Violations.Count == 0;
}
