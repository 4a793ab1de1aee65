namespace SoSucKhoe.Dossiers;

/// <summary>
/// One violation of the dossier format or of a validation rule.
/// </summary>
/// <param name="Table">"ENVELOPE", "XML0" … "XML15".</param>
/// <param name="Field">
/// The field name (e.g. "NGAY_RA"); for list tables the row element and its 1-based index come first
/// (e.g. "CHI_TIET_THUOC[3].MA_THUOC"). Document-level problems name the root or container element.
/// </param>
/// <param name="Rule">A stable snake_case rule code from <see cref="ViolationRules"/>.</param>
/// <param name="Message">A clear English sentence. Never contains personal data (IDs, card numbers, names, birth dates).</param>
public sealed record Violation(string Table, string Field, string Rule, string Message);
