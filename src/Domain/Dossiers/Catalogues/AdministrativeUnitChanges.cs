namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>
/// Changes to an administrative-unit list that take effect on one day without new codes (Resolution 30/2026/QH16 and
/// 237/NQ-UBTVQH16: from 30/04/2026 province 75 is "Thành phố Đồng Nai" and ten of its communes are wards), loaded from a CSV
/// file with the columns <c>unit,province_code,commune_code,field,value_later</c> (<c>field</c> is province, commune or level;
/// other columns are ignored). The file gives no date: the day they take effect is configuration.
/// </summary>
public sealed class AdministrativeUnitChanges
{
    private readonly Dictionary<string, string> _provinceNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _communeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _communeLevels = new(StringComparer.Ordinal);

    private AdministrativeUnitChanges(DateOnly effectiveFrom) => EffectiveFrom = effectiveFrom;

    /// <summary>The first day the changes are in force.</summary>
    public DateOnly EffectiveFrom { get; }

    /// <summary>Number of changes.</summary>
    public int Count => _provinceNames.Count + _communeNames.Count + _communeLevels.Count;

    /// <summary>The province's new name on a day the changes are in force, or null.</summary>
    public string? ProvinceName(string code, DateOnly day) => day >= EffectiveFrom ? _provinceNames.GetValueOrDefault(code) : null;

    /// <summary>The commune's new name on a day the changes are in force, or null.</summary>
    public string? CommuneName(string code, DateOnly day) => day >= EffectiveFrom ? _communeNames.GetValueOrDefault(code) : null;

    /// <summary>The commune's new level on a day the changes are in force, or null.</summary>
    public string? CommuneLevel(string code, DateOnly day) => day >= EffectiveFrom ? _communeLevels.GetValueOrDefault(code) : null;

    /// <summary>Loads the changes from a CSV file.</summary>
    public static AdministrativeUnitChanges Load(string path, DateOnly effectiveFrom)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, effectiveFrom);
    }

    /// <summary>Parses the changes; throws <see cref="FormatException"/> naming the record on a missing column or an unknown field.</summary>
    public static AdministrativeUnitChanges Parse(TextReader csv, DateOnly effectiveFrom)
    {
        var changes = new AdministrativeUnitChanges(effectiveFrom);
        var line = 1;
        foreach (var row in CsvReader.ReadWithHeader(csv))
        {
            line++;
            var field = Get(row, "field").Trim();
            var value = Get(row, "value_later").Trim();
            var province = Get(row, "province_code").Trim();
            var commune = Get(row, "commune_code").Trim();
            switch (field)
            {
                case "province" when province.Length > 0:
                    changes._provinceNames[province] = value;
                    break;
                case "commune" when commune.Length > 0:
                    changes._communeNames[commune] = value;
                    break;
                case "level" when commune.Length > 0:
                    changes._communeLevels[commune] = value;
                    break;
                default:
                    throw new FormatException($"Change record {line}: field '{field}' with unit codes '{province}'/'{commune}' is not a province, commune or level change.");
            }
        }

        return changes;
    }

    private static string Get(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var v) ? v : throw new FormatException($"The change list has no '{column}' column.");
}
