namespace SoSucKhoe.Book;

/// <summary>One drug line of a visit (an XML2 CHI_TIET_THUOC row), without prices.</summary>
/// <param name="Code">MA_THUOC.</param>
/// <param name="Name">TEN_THUOC.</param>
/// <param name="Strength">HAM_LUONG.</param>
/// <param name="Route">DUONG_DUNG (route code).</param>
/// <param name="Dosage">LIEU_DUNG.</param>
/// <param name="Usage">CACH_DUNG.</param>
/// <param name="Quantity">SO_LUONG.</param>
/// <param name="Unit">DON_VI_TINH.</param>
/// <param name="OrderedAt">NGAY_YL: when it was prescribed (the start).</param>
/// <param name="PerformedAt">NGAY_TH_YL: when the order was carried out. XML2 has no stop date.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.book.BookDrug")]
public sealed record BookDrug(
    [property: Id(0)] string? Code,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? Strength,
    [property: Id(3)] string? Route,
    [property: Id(4)] string? Dosage,
    [property: Id(5)] string? Usage,
    [property: Id(6)] decimal? Quantity,
    [property: Id(7)] string? Unit,
    [property: Id(8)] DateTimeOffset? OrderedAt,
    [property: Id(9)] DateTimeOffset? PerformedAt);
