namespace SoSucKhoe.Book;

/// <summary>One ICD-10 diagnosis of a visit.</summary>
/// <param name="Code">The code exactly as the facility sent it (dotted or undotted).</param>
/// <param name="Name">The Vietnamese catalogue name (QĐ 4469/QĐ-BYT) when a catalogue was loaded and knows the code; otherwise null.</param>
public sealed record BookDiagnosis(
    string Code,
    string? Name);
