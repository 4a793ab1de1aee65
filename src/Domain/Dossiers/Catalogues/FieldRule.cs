using SoSucKhoe.Dossiers.Model;

namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>One row of a field catalogue (xml-fields-qd4750.csv, or an amendment read over it) with what the validator derives from it.</summary>
/// <param name="Table">"XML0" … "XML15".</param>
/// <param name="Seq">The official sequence number, or null when blank.</param>
/// <param name="Field">The element name.</param>
/// <param name="Type">string or number.</param>
/// <param name="MaxLength">Maximum length, or null for "n" (unbounded).</param>
/// <param name="Required">True only for the plain "yes" of the required column.</param>
/// <param name="RequiredCondition">The Vietnamese conditional sentence of the required column, or null.</param>
/// <param name="DescriptionVi">Official description.</param>
/// <param name="ValidationNoteVi">Official validation note.</param>
/// <param name="AmendmentVi">The amendment text (QĐ 4750's, or the kind of change a later amendment made).</param>
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

    /// <summary>The name the field had in the amended standard, when an amendment renamed it (XML13 MA_CSKCB_DI ← MA_NOI_DI).</summary>
    public string? RenamedFrom { get; init; }

    /// <summary>True when the field holds a date.</summary>
    public bool IsDate => DateFormats != VnDateFormats.None;
}
