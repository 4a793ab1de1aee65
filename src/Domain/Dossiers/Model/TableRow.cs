namespace SoSucKhoe.Dossiers.Model;

/// <summary>
/// One record of a table: every field exactly as sent (trimmed text; code fields keep their leading zeros).
/// A field written as an empty element is present with the value "".
/// </summary>
public sealed class TableRow
{
    private readonly Dictionary<string, string> _fields;

    internal TableRow(string table, string? rowElement, int index, Dictionary<string, string> fields)
    {
        Table = table;
        RowElement = rowElement;
        Index = index;
        _fields = fields;
    }

    /// <summary>The table code ("XML1" …).</summary>
    public string Table { get; }

    /// <summary>The row element name for list tables (e.g. "CHI_TIET_THUOC"); null for single-record tables.</summary>
    public string? RowElement { get; }

    /// <summary>1-based position of the row in its list (1 for single-record tables).</summary>
    public int Index { get; }

    /// <summary>All fields by element name.</summary>
    public IReadOnlyDictionary<string, string> Fields => _fields;

    /// <summary>The field value, or null when the element is absent.</summary>
    public string? this[string field] => _fields.GetValueOrDefault(field);

    /// <summary>True when the field is present and not blank.</summary>
    public bool HasValue(string field) => _fields.TryGetValue(field, out var v) && !string.IsNullOrWhiteSpace(v);

    /// <summary>The field path used in violations: "MA_LK" for single-record tables, "CHI_TIET_THUOC[3].MA_LK" for list tables.</summary>
    public string PathOf(string field) => RowElement is null ? field : $"{RowElement}[{Index}].{field}";
}
