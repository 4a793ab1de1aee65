namespace SoSucKhoe.Book;

/// <summary>
/// One administrative value of the book with its provenance.
/// </summary>
/// <param name="Value">The value as the source dossier stated it; null when no dossier stated it (yet).</param>
/// <param name="SourceDossierId">The dossier the value came from (as the caller identified it), or null.</param>
/// <param name="AsOf">When that dossier stated it, or null.</param>
/// <param name="HasSource">
/// False for data the QĐ 130/4750 tables cannot carry (allergies, vaccinations, guardian): the field is part of the book's
/// data set (QĐ 1332) but has no source yet, and <paramref name="Note"/> says why.
/// </param>
/// <param name="Note">A fixed explanation for fields without a source; null otherwise.</param>
public sealed record BookField(
    string? Value,
    string? SourceDossierId,
    DateTimeOffset? AsOf,
    bool HasSource,
    string? Note = null)
{
    /// <summary>A field the tables can fill but no dossier has stated yet.</summary>
    public static BookField Unknown { get; } = new(null, null, null, HasSource: true);

    /// <summary>True when a value is present.</summary>
    public bool IsKnown => Value is not null;

    /// <summary>A value stated by a dossier.</summary>
    public static BookField From(string value, string sourceDossierId, DateTimeOffset asOf) => new(value, sourceDossierId, asOf, HasSource: true);

    /// <summary>A field of the book's data set that no dossier table carries.</summary>
    public static BookField NoSource(string note) => new(null, null, null, HasSource: false, note);
}
