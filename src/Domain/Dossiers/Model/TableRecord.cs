using System.Globalization;

namespace SoSucKhoe.Dossiers.Model;

/// <summary>
/// Base of the typed views over a <see cref="TableRow"/>. Every field stays reachable as a string through the indexer;
/// typed properties parse on access and return null when a value is absent or malformed (the validator reports why).
/// </summary>
public abstract class TableRecord(TableRow row)
{
    /// <summary>The underlying row with all fields.</summary>
    public TableRow Row { get; } = row;

    /// <summary>All fields by element name.</summary>
    public IReadOnlyDictionary<string, string> Fields => Row.Fields;

    /// <summary>The raw value of any field, or null when absent.</summary>
    public string? this[string field] => Row[field];

    public string? MaLk => Text("MA_LK");

    /// <summary>The value, or null when absent or blank.</summary>
    protected string? Text(string field)
    {
        var v = Row[field];
        return string.IsNullOrEmpty(v) ? null : v;
    }

    protected VnDateTime? Date(string field) => VnDateTime.ParseOrNull(Row[field]);

    protected VnDateTime? BirthDate(string field) => VnDateTime.ParseBirthDateOrNull(Row[field]);

    protected decimal? Decimal(string field) =>
        decimal.TryParse(Row[field], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;

    protected int? Integer(string field) =>
        int.TryParse(Row[field], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null;
}
