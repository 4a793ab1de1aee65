namespace SoSucKhoe.Book;

/// <summary>One paraclinical result of a visit (an XML4 CHI_TIET_CLS row).</summary>
/// <param name="ServiceCode">MA_DICH_VU: the test or imaging service that produced the result.</param>
/// <param name="IndexCode">MA_CHI_SO.</param>
/// <param name="IndexName">TEN_CHI_SO.</param>
/// <param name="Value">GIA_TRI, as sent.</param>
/// <param name="Unit">DON_VI_DO.</param>
/// <param name="Description">MO_TA (free-text description, e.g. of an image); XML4 has no separate normal-range field.</param>
/// <param name="Conclusion">KET_LUAN (e.g. whether the value is within the normal range).</param>
/// <param name="ResultTime">NGAY_KQ.</param>
public sealed record BookLabResult(
    string? ServiceCode,
    string? IndexCode,
    string? IndexName,
    string? Value,
    string? Unit,
    string? Description,
    string? Conclusion,
    DateTimeOffset? ResultTime);
