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
[GenerateSerializer, Immutable, Alias("sosuckhoe.book.BookLabResult")]
public sealed record BookLabResult(
    [property: Id(0)] string? ServiceCode,
    [property: Id(1)] string? IndexCode,
    [property: Id(2)] string? IndexName,
    [property: Id(3)] string? Value,
    [property: Id(4)] string? Unit,
    [property: Id(5)] string? Description,
    [property: Id(6)] string? Conclusion,
    [property: Id(7)] DateTimeOffset? ResultTime);
