namespace SoSucKhoe.Api.Book;

/// <summary>Optional facts printed with an episode that the visit itself does not carry.</summary>
/// <param name="FacilityName">The facility's name from the facility registry (the visit carries only MA_CSKCB).</param>
/// <param name="PatientName">The citizen's name, from the book's administrative part.</param>
/// <param name="BirthDate">The citizen's birth date as the book states it (NGAY_SINH, yyyyMMdd[HHmm] with zeros for unknown parts).</param>
/// <param name="PrintedAt">When the document was produced; printed in the footer when given.</param>
public sealed record EpisodeDocumentContext(
    string? FacilityName = null,
    string? PatientName = null,
    string? BirthDate = null,
    DateTimeOffset? PrintedAt = null);
