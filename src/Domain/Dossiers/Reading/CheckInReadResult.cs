using SoSucKhoe.Dossiers.Model;

namespace SoSucKhoe.Dossiers.Reading;

/// <summary>The outcome of reading an XML0 check-in document.</summary>
/// <param name="Document">The check-in, or null when the document could not be read.</param>
/// <param name="Violations">Every problem found while reading.</param>
public sealed record CheckInReadResult(CheckInDocument? Document, IReadOnlyList<Violation> Violations)
{
    public bool IsClean => Document is not null && Violations.Count == 0;
}
