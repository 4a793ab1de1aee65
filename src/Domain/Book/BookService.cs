namespace SoSucKhoe.Book;

/// <summary>One technical service or medical supply of a visit (an XML3 CHI_TIET_DVKT row), without prices.</summary>
/// <param name="Code">MA_DICH_VU for a service, MA_VAT_TU for a supply.</param>
/// <param name="Name">TEN_DICH_VU for a service, TEN_VAT_TU for a supply.</param>
/// <param name="IsSupply">True when the row is a medical supply (MA_VAT_TU) rather than a service.</param>
/// <param name="Quantity">SO_LUONG.</param>
/// <param name="Unit">DON_VI_TINH.</param>
/// <param name="Time">NGAY_TH_YL (performed), or NGAY_YL (ordered) when not performed-timed.</param>
/// <param name="ResultTime">NGAY_KQ.</param>
/// <param name="ProcedureCode">MA_PTTT_QT of the row (ICD-9 CM), when it is a procedure.</param>
public sealed record BookService(
    string? Code,
    string? Name,
    bool IsSupply,
    decimal? Quantity,
    string? Unit,
    DateTimeOffset? Time,
    DateTimeOffset? ResultTime,
    string? ProcedureCode);
