namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>
/// ICD-10 codes that apply to one sex only, loaded from configured CSV files with a code_nodot column
/// (icd10-female-only.csv, icd10-male-only.csv). A code is restricted when it, or its 3- or 4-character parent, is listed.
/// </summary>
public sealed class IcdSexRestrictions
{
    private readonly HashSet<string> _femaleOnly;
    private readonly HashSet<string> _maleOnly;

    private IcdSexRestrictions(HashSet<string> femaleOnly, HashSet<string> maleOnly)
    {
        _femaleOnly = femaleOnly;
        _maleOnly = maleOnly;
    }

    public int FemaleOnlyCount => _femaleOnly.Count;

    public int MaleOnlyCount => _maleOnly.Count;

    /// <summary>Loads either list or both; a null path means "no such list".</summary>
    public static IcdSexRestrictions Load(string? femaleOnlyCsvPath, string? maleOnlyCsvPath) =>
        new(LoadFile(femaleOnlyCsvPath), LoadFile(maleOnlyCsvPath));

    /// <summary>The women-only list of one and the men-only list of the other (each file is loaded and checked on its own).</summary>
    public static IcdSexRestrictions Combine(IcdSexRestrictions femaleOnly, IcdSexRestrictions maleOnly) =>
        new(femaleOnly._femaleOnly, maleOnly._maleOnly);

    public static IcdSexRestrictions Parse(TextReader? femaleOnlyCsv, TextReader? maleOnlyCsv) =>
        new(ParseCodes(femaleOnlyCsv), ParseCodes(maleOnlyCsv));

    public bool IsFemaleOnly(string? code) => Matches(_femaleOnly, IcdCode.Normalize(code));

    public bool IsMaleOnly(string? code) => Matches(_maleOnly, IcdCode.Normalize(code));

    private static bool Matches(HashSet<string> set, string code)
    {
        if (code.Length < 3 || set.Count == 0)
        {
            return false;
        }

        if (set.Contains(code))
        {
            return true;
        }

        for (var length = code.Length - 1; length >= 3; length--)
        {
            if (set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(code.AsSpan(0, length)))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> LoadFile(string? path)
    {
        if (path is null)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return ParseCodes(reader);
    }

    private static HashSet<string> ParseCodes(TextReader? csv)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (csv is null)
        {
            return set;
        }

        foreach (var row in CsvReader.ReadWithHeader(csv))
        {
            var code = row.TryGetValue("code_nodot", out var nd) ? nd : row.TryGetValue("code", out var c) ? c : throw new FormatException("The ICD-10 sex list has no 'code_nodot' column.");
            var normalized = IcdCode.Normalize(code);
            if (normalized.Length > 0)
            {
                set.Add(normalized);
            }
        }

        return set;
    }
}
