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
public sealed record BookDrug(
    string? Code,
    string? Name,
    string? Strength,
    string? Route,
    string? Dosage,
    string? Usage,
    decimal? Quantity,
    string? Unit,
    DateTimeOffset? OrderedAt,
    DateTimeOffset? PerformedAt);
