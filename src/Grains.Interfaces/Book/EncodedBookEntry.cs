namespace SoSucKhoe.Book;

/// <summary>
/// What the patient grain keeps of one accepted dossier version for the book: the projection the intake encoded
/// (<see cref="BookProjectionCodec"/>), with the version number, cancellation and acceptance time that only the grain knows.
/// </summary>
/// <param name="Version">The dossier version (1, 2, … per correction).</param>
/// <param name="Projection">The encoded <see cref="BookProjection"/>.</param>
/// <param name="Cancelled">True when the episode is cancelled or was entered in error: it leaves the book and stays in history.</param>
/// <param name="AcceptedAt">When the hub accepted the version.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.book.EncodedBookEntry")]
public sealed record EncodedBookEntry(
    [property: Id(0)] int Version,
    [property: Id(1)] byte[] Projection,
    [property: Id(2)] bool Cancelled,
    [property: Id(3)] DateTimeOffset AcceptedAt)
{
    /// <summary>The entry the book is built from, or null when the projection has no visit or no administrative part.</summary>
    public BookEntry? Decode() => BookProjectionCodec.Decode(Projection).ToEntry(Version, Cancelled, AcceptedAt);

    /// <summary>The entries the book is built from (see <see cref="Decode"/>).</summary>
    public static IEnumerable<BookEntry> DecodeAll(IEnumerable<EncodedBookEntry> entries) =>
        entries.Select(entry => entry.Decode()).OfType<BookEntry>();
}
