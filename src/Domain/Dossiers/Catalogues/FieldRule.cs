using SoSucKhoe.Dossiers.Model;

namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>One row of the field catalogue (xml-fields-qd4750.csv) with what the validator derives from it.</summary>
/// <param name="Table">"XML0" … "XML15".</param>
/// <param name="Seq">The official sequence number, or null when blank.</param>
/// <param name="Field">The element name.</param>
/// <param name="Type">string or number.</param>
/// <param name="MaxLength">Maximum length, or null for "n" (unbounded).</param>
/// <param name="Required">True only for the plain "yes" of the required column.</param>
/// <param name="RequiredCondition">The Vietnamese conditional sentence of the required column, or null.</param>
/// <param name="DescriptionVi">Official description.</param>
/// <param name="ValidationNoteVi">Official validation note.</param>
/// <param name="AmendmentVi">The QĐ 4750 amendment text.</param>
public sealed record FieldRule(
    string Table,
    int? Seq,
    string Field,
    FieldType Type,
    int? MaxLength,
    bool Required,
    string? RequiredCondition,
    string DescriptionVi,
    string ValidationNoteVi,
    string AmendmentVi)
{
    /// <summary>The date formats accepted when the field is a date, otherwise <see cref="VnDateFormats.None"/>.</summary>
    public VnDateFormats DateFormats { get; init; }

    /// <summary>True for date fields that may hold several ';'-separated dates (e.g. GT_THE_TU, NGAY_TAI_KHAM).</summary>
    public bool MultipleDates { get; init; }

    /// <summary>True for birth dates, whose unknown day/month/time are written as zeros.</summary>
    public bool IsBirthDate { get; init; }

    public bool IsDate => DateFormats != VnDateFormats.None;
}
