namespace SoSucKhoe.Book;

/// <summary>The social-insurance sick-leave certificate (XML11), without employer and insurance numbers.</summary>
/// <param name="From">TU_NGAY.</param>
/// <param name="To">DEN_NGAY.</param>
/// <param name="Days">SO_NGAY_NGHI.</param>
/// <param name="CertificateNumber">SO_CT.</param>
/// <param name="Series">SO_SERI.</param>
/// <param name="DocumentDate">NGAY_CT.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.book.BookSickLeave")]
public sealed record BookSickLeave(
    [property: Id(0)] DateOnly? From,
    [property: Id(1)] DateOnly? To,
    [property: Id(2)] int? Days,
    [property: Id(3)] string? CertificateNumber,
    [property: Id(4)] string? Series,
    [property: Id(5)] DateTimeOffset? DocumentDate);
