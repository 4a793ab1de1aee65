namespace SoSucKhoe.Book;

/// <summary>
/// One dossier version's projection into the health book: built once at intake, kept by the patient grain as bytes
/// (<see cref="BookProjectionCodec"/>) that it stores and hands back without reading them.
/// </summary>
/// <param name="Visit">The visit projection of the version; its <see cref="BookVisit.Version"/> is the patient grain's to set.</param>
/// <param name="Administrative">The administrative facts the version states.</param>
public sealed record BookProjection(BookVisit? Visit, BookAdministrativeUpdate? Administrative)
{
    /// <summary>
    /// The book entry of this projection as the version the patient grain numbered it; null when the projection has no visit or
    /// no administrative part.
    /// </summary>
    public BookEntry? ToEntry(int version, bool cancelled, DateTimeOffset acceptedAt) =>
        Visit is { } visit && Administrative is { } administrative
            ? new BookEntry(visit with { Version = version }, administrative, cancelled, acceptedAt)
            : null;
}
