namespace SoSucKhoe.Book;

/// <summary>
/// The administrative facts one dossier states about the person (from XML1 only), each null when the dossier left it empty.
/// The health book builder merges these across dossiers: for each field, the most recent dossier that states it wins.
/// </summary>
/// <param name="DossierId">The dossier the facts came from, as the caller identifies it (e.g. <c>MA_CSKCB:MA_LK</c>).</param>
/// <param name="AsOf">When the dossier stated them (the caller's choice, usually the acceptance time).</param>
/// <param name="FullName">HO_TEN.</param>
/// <param name="BirthDate">NGAY_SINH as sent (yyyyMMddHHmm; zeros for unknown parts).</param>
/// <param name="Sex">GIOI_TINH code ("1" male, "2" female, "3" not determined).</param>
/// <param name="Ethnicity">MA_DANTOC.</param>
/// <param name="Nationality">MA_QUOCTICH.</param>
/// <param name="Occupation">MA_NGHE_NGHIEP.</param>
/// <param name="PersonalId">SO_CCCD (12-digit personal ID, or an old ID / passport).</param>
/// <param name="Address">DIA_CHI.</param>
/// <param name="ProvinceCode">MATINH_CU_TRU.</param>
/// <param name="DistrictCode">MAHUYEN_CU_TRU.</param>
/// <param name="CommuneCode">MAXA_CU_TRU.</param>
/// <param name="RegisteredFacility">The first MA_DKBD value.</param>
/// <param name="Cards">The insurance cards the dossier lists.</param>
public sealed record BookAdministrativeUpdate(
    string DossierId,
    DateTimeOffset AsOf,
    string? FullName,
    string? BirthDate,
    string? Sex,
    string? Ethnicity,
    string? Nationality,
    string? Occupation,
    string? PersonalId,
    string? Address,
    string? ProvinceCode,
    string? DistrictCode,
    string? CommuneCode,
    string? RegisteredFacility,
    IReadOnlyList<BookCard> Cards);
