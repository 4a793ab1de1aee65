namespace SoSucKhoe.Book;

/// <summary>A dossier version that is not (or no longer) in the book: a superseded earlier version, or a cancelled episode.</summary>
/// <param name="FacilityCode">MA_CSKCB.</param>
/// <param name="MaLk">The episode key.</param>
/// <param name="Version">The version.</param>
/// <param name="ContentHash">SHA-256 of that version's bytes.</param>
/// <param name="AcceptedAt">When that version was accepted.</param>
/// <param name="ArrivalTime">That version's NGAY_VAO.</param>
/// <param name="ReplacedByVersion">For a superseded version, the version now in the book (or the cancelled one); null for a cancelled episode.</param>
public sealed record BookVersionRef(
    string FacilityCode,
    string MaLk,
    int Version,
    string ContentHash,
    DateTimeOffset AcceptedAt,
    DateTimeOffset ArrivalTime,
    int? ReplacedByVersion);
