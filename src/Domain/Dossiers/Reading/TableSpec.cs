namespace SoSucKhoe.Dossiers.Reading;

/// <summary>The XML skeleton of one table, from the gateway guide (CV 1245/BHXH-CNTT, section 3.5).</summary>
/// <param name="Code">"XML1" …</param>
/// <param name="Root">The root element.</param>
/// <param name="List">The list container for list tables (DSACH_…), null for single-record tables.</param>
/// <param name="Row">The row element for list tables, null for single-record tables.</param>
public sealed record TableSpec(string Code, string Root, string? List, string? Row)
{
    public bool IsList => Row is not null;
}
