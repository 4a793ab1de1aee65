namespace SoSucKhoe.Book;

/// <summary>The social-insurance sick-leave certificate (XML11), without employer and insurance numbers.</summary>
/// <param name="From">TU_NGAY.</param>
/// <param name="To">DEN_NGAY.</param>
/// <param name="Days">SO_NGAY_NGHI.</param>
/// <param name="CertificateNumber">SO_CT.</param>
/// <param name="Series">SO_SERI.</param>
/// <param name="DocumentDate">NGAY_CT.</param>
public sealed record BookSickLeave(
    DateOnly? From,
    DateOnly? To,
    int? Days,
    string? CertificateNumber,
    string? Series,
    DateTimeOffset? DocumentDate);
