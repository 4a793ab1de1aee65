namespace SoSucKhoe.Book;

/// <summary>One ICD-10 diagnosis of a visit.</summary>
/// <param name="Code">The code exactly as the facility sent it (dotted or undotted).</param>
/// <param name="Name">The Vietnamese catalogue name (QĐ 4469/QĐ-BYT) when a catalogue was loaded and knows the code; otherwise null.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.book.BookDiagnosis")]
public sealed record BookDiagnosis(
    [property: Id(0)] string Code,
    [property: Id(1)] string? Name);
