namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>
/// The ICD-10 catalogue loaded from a configured CSV file (columns code,code_nodot,chapter,name_en,name_vi).
/// Look-ups accept dotted or undotted codes, any case, with or without dagger/asterisk markers. Immutable and thread-safe.
/// </summary>
public sealed class IcdCatalogue
{
    private readonly Dictionary<string, IcdEntry> _byCode;

    private IcdCatalogue(Dictionary<string, IcdEntry> byCode) => _byCode = byCode;

    /// <summary>Number of distinct (undotted) codes.</summary>
    public int Count => _byCode.Count;

    public static IcdCatalogue Load(string csvPath)
    {
        using var reader = new StreamReader(csvPath, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader);
    }

    public static IcdCatalogue Parse(TextReader csv)
    {
        var map = new Dictionary<string, IcdEntry>(16_384, StringComparer.Ordinal);
        foreach (var row in CsvReader.ReadWithHeader(csv))
        {
            var code = Column(row, "code").Trim();
            var noDot = IcdCode.Normalize(row.TryGetValue("code_nodot", out var nd) && nd.Length > 0 ? nd : code);
            if (noDot.Length == 0)
            {
                continue;
            }

            var entry = new IcdEntry(code, noDot, Column(row, "chapter", optional: true), Column(row, "name_en", optional: true), Column(row, "name_vi", optional: true));

            // The catalogue lists some categories twice (plain and with a dagger/asterisk): keep the first, plain one.
            map.TryAdd(noDot, entry);
        }

        return new IcdCatalogue(map);
    }

    /// <summary>True when the code (dotted or undotted) is in the catalogue.</summary>
    public bool Contains(string? code) => _byCode.ContainsKey(IcdCode.Normalize(code));

    public bool TryGet(string? code, out IcdEntry entry) => _byCode.TryGetValue(IcdCode.Normalize(code), out entry!);

    /// <summary>The Vietnamese name (English when the Vietnamese one is blank).</summary>
    public bool TryGetName(string? code, out string name)
    {
        if (TryGet(code, out var entry))
        {
            name = entry.NameVi.Length > 0 ? entry.NameVi : entry.NameEn;
            return true;
        }

        name = string.Empty;
        return false;
    }

    private static string Column(IReadOnlyDictionary<string, string> row, string column, bool optional = false) =>
        row.TryGetValue(column, out var v) ? v : optional ? string.Empty : throw new FormatException($"The ICD-10 catalogue has no '{column}' column.");
}
