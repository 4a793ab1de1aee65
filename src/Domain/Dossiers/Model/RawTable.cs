namespace SoSucKhoe.Dossiers.Model;

/// <summary>A decoded and parsed table: its rows of field→value, without interpretation.</summary>
public sealed class RawTable
{
    internal RawTable(string code, string rootElement, string? rowElement, IReadOnlyList<TableRow> rows)
    {
        Code = code;
        RootElement = rootElement;
        RowElement = rowElement;
        Rows = rows;
    }

    /// <summary>"XML0" … "XML15".</summary>
    public string Code { get; }

    public string RootElement { get; }

    /// <summary>The row element for list tables; null for single-record tables.</summary>
    public string? RowElement { get; }

    public bool IsList => RowElement is not null;

    /// <summary>The rows; a single-record table has exactly one.</summary>
    public IReadOnlyList<TableRow> Rows { get; }
}
