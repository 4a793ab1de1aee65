using System.Globalization;
using System.Text.RegularExpressions;
using SoSucKhoe.Dossiers.Model;

namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>
/// The field catalogue of tables XML0 … XML15 (QĐ 130 amended by QĐ 4750), loaded from a configured CSV file with columns
/// table,seq,field,type,max_len,required,description_vi,validation_note_vi,amendment_4750_vi. When a field appears twice,
/// the later row (the amendment) wins. Load once and share: the catalogue is immutable and thread-safe.
/// </summary>
public sealed partial class FieldRuleCatalogue
{
    private static readonly HashSet<string> NamedDateFields = new(StringComparer.Ordinal)
    {
        "GT_THE_TU", "GT_THE_DEN", "THOI_DIEM_DBLS", "THOIGIAN_DINHCHI", "TU_NGAY", "DEN_NGAY",
        "NGOAITRU_TUNGAY", "NGOAITRU_DENNGAY", "BDDT_ARV", "NAM_NAM_LIEN_TUC",
    };

    private readonly Dictionary<string, Dictionary<string, FieldRule>> _byTable;
    private readonly Dictionary<string, FieldRule[]> _listByTable;

    private FieldRuleCatalogue(Dictionary<string, List<FieldRule>> rules)
    {
        _byTable = new Dictionary<string, Dictionary<string, FieldRule>>(StringComparer.Ordinal);
        _listByTable = new Dictionary<string, FieldRule[]>(StringComparer.Ordinal);
        foreach (var (table, list) in rules)
        {
            var map = new Dictionary<string, FieldRule>(list.Count, StringComparer.Ordinal);
            var ordered = new List<FieldRule>(list.Count);
            foreach (var rule in list)
            {
                if (map.TryGetValue(rule.Field, out var earlier))
                {
                    ordered[ordered.IndexOf(earlier)] = rule;
                }
                else
                {
                    ordered.Add(rule);
                }

                map[rule.Field] = rule;
            }

            _byTable[table] = map;
            _listByTable[table] = [.. ordered];
        }
    }

    /// <summary>The tables described.</summary>
    public IReadOnlyCollection<string> Tables => _listByTable.Keys;

    /// <summary>Number of distinct (table, field) rules.</summary>
    public int Count => _byTable.Values.Sum(t => t.Count);

    /// <summary>Loads the catalogue from a CSV file (UTF-8).</summary>
    public static FieldRuleCatalogue Load(string csvPath)
    {
        using var reader = new StreamReader(csvPath, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader);
    }

    /// <summary>Parses the catalogue from CSV text.</summary>
    public static FieldRuleCatalogue Parse(TextReader csv)
    {
        var rules = new Dictionary<string, List<FieldRule>>(StringComparer.Ordinal);
        var line = 1;
        foreach (var row in CsvReader.ReadWithHeader(csv))
        {
            line++;
            var table = Get(row, "table").Trim().ToUpperInvariant();
            var field = Get(row, "field").Trim();
            if (table.Length == 0 || field.Length == 0)
            {
                throw new FormatException($"Field catalogue record {line} has no table or field.");
            }

            var typeText = Get(row, "type").Trim();
            var type = typeText.Equals("number", StringComparison.OrdinalIgnoreCase) ? FieldType.Number : FieldType.String;
            var maxText = Get(row, "max_len").Trim();
            int? max = maxText.Length == 0 || maxText.Equals("n", StringComparison.OrdinalIgnoreCase)
                ? null
                : int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
                    ? m
                    : throw new FormatException($"Field catalogue record {line} ({table}.{field}) has an invalid max_len.");
            var requiredText = Get(row, "required").Trim();
            var required = requiredText.Equals("yes", StringComparison.OrdinalIgnoreCase);
            var condition = required || requiredText.Length == 0 ? null : requiredText;
            int? seq = int.TryParse(Get(row, "seq").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
            var description = Get(row, "description_vi");
            var note = Get(row, "validation_note_vi");
            var amendment = Get(row, "amendment_4750_vi");

            var rule = new FieldRule(table, seq, field, type, max, required, condition, description, note, amendment);
            var formats = DateFormatsOf(field, max, description + " " + note + " " + amendment);
            rule = rule with
            {
                DateFormats = formats,
                MultipleDates = formats != VnDateFormats.None && (max is null || max > 12),
                IsBirthDate = field == "NGAY_SINH",
            };

            if (!rules.TryGetValue(table, out var list))
            {
                rules[table] = list = [];
            }

            list.Add(rule);
        }

        return new FieldRuleCatalogue(rules);
    }

    public bool TryGetRule(string table, string field, out FieldRule rule)
    {
        if (_byTable.TryGetValue(table, out var map) && map.TryGetValue(field, out var r))
        {
            rule = r;
            return true;
        }

        rule = null!;
        return false;
    }

    /// <summary>The rules of one table in catalogue order (empty for an unknown table).</summary>
    public IReadOnlyList<FieldRule> GetTableRules(string table) =>
        _listByTable.TryGetValue(table, out var list) ? list : [];

    /// <summary>
    /// Decides whether a field is a date, and which lengths it accepts, from its name, its maximum length and the format the
    /// official text names (yyyymmdd vs yyyymmddHHMM).
    /// </summary>
    internal static VnDateFormats DateFormatsOf(string field, int? maxLength, string text)
    {
        var lower = text.ToLowerInvariant();
        var mentions12 = lower.Contains("yyyymmddhhmm", StringComparison.Ordinal) || Twelve().IsMatch(lower);
        var mentions8 = Eight().IsMatch(lower) || lower.Contains("08 ký tự", StringComparison.Ordinal) || lower.Contains("08 kí tự", StringComparison.Ordinal);
        var named = field.StartsWith("NGAY", StringComparison.Ordinal)
            || NamedDateFields.Contains(field);
        if (!named && !lower.Contains("yyyymmdd", StringComparison.Ordinal))
        {
            return VnDateFormats.None;
        }

        return maxLength switch
        {
            8 => VnDateFormats.Date8,
            12 => mentions8 && mentions12 ? VnDateFormats.Any : VnDateFormats.DateTime12,
            < 8 => VnDateFormats.None,
            _ => mentions12 && !mentions8 ? VnDateFormats.DateTime12 : mentions8 && !mentions12 ? VnDateFormats.Date8 : VnDateFormats.Any,
        };
    }

    private static string Get(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var v) ? v : throw new FormatException($"The field catalogue has no '{column}' column.");

    [GeneratedRegex(@"yyyymmdd(?!hh)", RegexOptions.CultureInvariant)]
    private static partial Regex Eight();

    [GeneratedRegex(@"12 k[ýí] tự", RegexOptions.CultureInvariant)]
    private static partial Regex Twelve();
}
