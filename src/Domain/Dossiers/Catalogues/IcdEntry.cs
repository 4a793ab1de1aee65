namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>One code of the Ministry's ICD-10 catalogue (QĐ 4469/QĐ-BYT).</summary>
/// <param name="Code">As printed, dotted, possibly with a dagger or asterisk (e.g. "A17.0†").</param>
/// <param name="CodeNoDot">Undotted, without markers (e.g. "A170").</param>
/// <param name="Chapter">Chapter range (e.g. "A00-B99").</param>
/// <param name="NameEn">English name.</param>
/// <param name="NameVi">Vietnamese name.</param>
public sealed record IcdEntry(string Code, string CodeNoDot, string Chapter, string NameEn, string NameVi);
