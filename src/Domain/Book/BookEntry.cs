namespace SoSucKhoe.Book;

/// <summary>
/// What the patient grain keeps per accepted dossier version for the book: the visit and administrative projections, whether the
/// episode was cancelled (or entered in error) as of this version, and when the version was accepted.
/// </summary>
/// <param name="Visit">The visit projection of this version.</param>
/// <param name="Admin">The administrative facts this version states.</param>
/// <param name="Cancelled">True when the episode is cancelled or was entered in error: it leaves the book and stays in history.</param>
/// <param name="AcceptedAt">When the hub accepted this version.</param>
public sealed record BookEntry(
    BookVisit Visit,
    BookAdministrativeUpdate Admin,
    bool Cancelled,
    DateTimeOffset AcceptedAt);
