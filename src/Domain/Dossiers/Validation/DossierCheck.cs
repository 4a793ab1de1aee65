using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.Dossiers.Validation;

/// <summary>What validating a dossier or check-in found.</summary>
/// <param name="Standard">The data standard the document was checked against (the one governing its episode's day).</param>
/// <param name="EpisodeDay">
/// The local day that chose it: XML1 NGAY_RA (the episode's end), else NGAY_VAO; for a check-in its NGAY_VAO; the day of
/// validation when the document has no readable date.
/// </param>
/// <param name="Violations">Every violation (read violations first); the document is refused when there is one.</param>
/// <param name="Notices">
/// What the hub could not decide and let pass, e.g. a code missing from a list the hub knows to be incomplete (rule
/// <see cref="ViolationRules.CodeListIncomplete"/>). Notices never refuse a document.
/// </param>
public sealed record DossierCheck(DataStandard Standard, DateOnly EpisodeDay, IReadOnlyList<Violation> Violations, IReadOnlyList<Violation> Notices)
{
    /// <summary>True when nothing refuses the document.</summary>
    public bool Passed => Violations.Count == 0;
}
