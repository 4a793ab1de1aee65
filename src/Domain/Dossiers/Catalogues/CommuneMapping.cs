namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>One old commune and the commune it became.</summary>
/// <param name="OldCommuneCode">The commune's code before the reform.</param>
/// <param name="OldCommune">Its name then.</param>
/// <param name="OldDistrictCode">The district it belonged to.</param>
/// <param name="NewCommuneCode">The commune it is part of after the reform.</param>
/// <param name="NewCommune">That commune's name.</param>
public sealed record CommuneConversion(string OldCommuneCode, string OldCommune, string OldDistrictCode, string NewCommuneCode, string NewCommune);

/// <summary>
/// Old communes and the communes they became on 01/07/2025 (the National Statistics Office's conversion table, restricted in the
/// product's copy to former Bình Phước), loaded from a CSV file with the columns
/// <c>old_commune_code,old_commune,old_district_code,new_commune_code,new_commune</c>. It places a facility or a resident
/// recorded with an old commune in today's commune, and gives today's communes their former districts.
/// </summary>
public sealed class CommuneMapping
{
    private readonly Dictionary<string, CommuneConversion> _byOld = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CommuneConversion>> _byNew = new(StringComparer.Ordinal);

    private CommuneMapping()
    {
    }

    /// <summary>No mapping.</summary>
    public static CommuneMapping Empty { get; } = new();

    /// <summary>Number of old communes mapped.</summary>
    public int Count => _byOld.Count;

    /// <summary>The conversion of an old commune, or null.</summary>
    public CommuneConversion? FindOld(string oldCommuneCode) => _byOld.GetValueOrDefault(oldCommuneCode);

    /// <summary>The old communes a new commune was formed from, in file order.</summary>
    public IReadOnlyList<CommuneConversion> FormedFrom(string newCommuneCode) =>
        _byNew.TryGetValue(newCommuneCode, out var list) ? list : [];

    /// <summary>
    /// The former district of a new commune: the district most of its old communes belonged to (the lowest code on a tie), or
    /// null when the mapping does not know the commune.
    /// </summary>
    public string? FormerDistrictOf(string newCommuneCode) => FormedFrom(newCommuneCode)
        .GroupBy(c => c.OldDistrictCode, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => g.Key).FirstOrDefault();

    /// <summary>Loads the mapping from a CSV file.</summary>
    public static CommuneMapping Load(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader);
    }

    /// <summary>Parses the mapping; throws <see cref="FormatException"/> naming the record on a missing column or code.</summary>
    public static CommuneMapping Parse(TextReader csv)
    {
        var mapping = new CommuneMapping();
        var line = 1;
        foreach (var row in CsvReader.ReadWithHeader(csv))
        {
            line++;
            var conversion = new CommuneConversion(Get(row, "old_commune_code").Trim(), Get(row, "old_commune").Trim(),
                Get(row, "old_district_code").Trim(), Get(row, "new_commune_code").Trim(), Get(row, "new_commune").Trim());
            if (conversion.OldCommuneCode.Length == 0 || conversion.NewCommuneCode.Length == 0)
            {
                throw new FormatException($"Commune mapping record {line} lacks the old or the new commune code.");
            }

            if (!mapping._byOld.TryAdd(conversion.OldCommuneCode, conversion))
            {
                throw new FormatException($"Commune mapping record {line}: old commune {conversion.OldCommuneCode} is mapped twice.");
            }

            if (!mapping._byNew.TryGetValue(conversion.NewCommuneCode, out var list))
            {
                mapping._byNew[conversion.NewCommuneCode] = list = [];
            }

            list.Add(conversion);
        }

        return mapping;
    }

    private static string Get(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var v) ? v : throw new FormatException($"The commune mapping has no '{column}' column.");
}
