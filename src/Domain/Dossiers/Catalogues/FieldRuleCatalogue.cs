using System.Globalization;
using System.Text.RegularExpressions;
using SoSucKhoe.Dossiers.Model;

namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>
/// The field catalogue of tables XML0 … XML15 of one data standard (QĐ 130 amended by QĐ 4750, or a later amendment such as
/// QĐ 3176 read over it with <see cref="ParseAmendment"/>), loaded from a configured CSV file with columns
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
            var rule = WithDerivedFacts(ParseRow(row, line));
            if (!rules.TryGetValue(rule.Table, out var list))
            {
                rules[rule.Table] = list = [];
            }

            list.Add(rule);
        }

        return new FieldRuleCatalogue(rules);
    }

    /// <summary>Loads a list that amends <paramref name="amended"/> (see <see cref="ParseAmendment"/>).</summary>
    public static FieldRuleCatalogue LoadAmendment(string csvPath, FieldRuleCatalogue amended)
    {
        using var reader = new StreamReader(csvPath, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return ParseAmendment(reader, amended);
    }

    /// <summary>
    /// Reads a field list that amends <paramref name="amended"/>, such as the QĐ 3176 annex, whose columns mean something else
    /// than in a complete list: <c>required</c> is empty (the annex has no such column), <c>description_vi</c> holds the amended
    /// wording (empty when unchanged) and <c>amendment_4750_vi</c> names the kind of change ("đổi tên từ MA_NOI_DI", "đổi kích
    /// thước"). A table the list names gets exactly the list's fields, in its order; a table it does not name (XML0: the annex
    /// has no check-in table) keeps the amended rules. For each field the earlier rule (by name, or by the name it was renamed
    /// from) is the basis:
    /// <list type="bullet">
    /// <item>required: the earlier rule's, except that a required field whose new wording lets it be left blank ("để trống",
    /// "không bắt buộc", "chỉ bắt buộc khi") becomes conditional on that wording;</item>
    /// <item>type: string when either says string (codes and dates are text; the annex keeps pre-4750 types in places);</item>
    /// <item>size: the list's where it changed the row (a change named in <c>amendment_4750_vi</c>); otherwise the larger of
    /// the two, except for dates, whose format fixes their length (the annex prints 100 for XML13 NGAY_VAO). The annex's
    /// other sizes are a transcription that in places keeps pre-4750 values, so they never narrow an unchanged field.</item>
    /// </list>
    /// </summary>
    public static FieldRuleCatalogue ParseAmendment(TextReader csv, FieldRuleCatalogue amended)
    {
        ArgumentNullException.ThrowIfNull(amended);
        var rules = new Dictionary<string, List<FieldRule>>(StringComparer.Ordinal);
        var line = 1;
        foreach (var row in CsvReader.ReadWithHeader(csv))
        {
            line++;
            var listed = ParseRow(row, line);
            var renamedFrom = RenamedFrom().Match(listed.AmendmentVi) is { Success: true } match ? match.Groups[1].Value : null;
            var rule = amended.TryGetRule(listed.Table, renamedFrom ?? listed.Field, out var earlier)
                ? Merge(earlier, listed)
                : listed;
            rule = WithDerivedFacts(rule with { RenamedFrom = renamedFrom });
            if (!rules.TryGetValue(rule.Table, out var list))
            {
                rules[rule.Table] = list = [];
            }

            list.Add(rule);
        }

        foreach (var table in amended.Tables)
        {
            if (!rules.ContainsKey(table))
            {
                rules[table] = [.. amended.GetTableRules(table)];
            }
        }

        return new FieldRuleCatalogue(rules);
    }

    private static FieldRule Merge(FieldRule earlier, FieldRule listed)
    {
        var changed = listed.AmendmentVi.Trim().Length > 0;
        var wording = listed.DescriptionVi.Trim();
        var earlierIsDate = DateFormatsOf(earlier.Field, earlier.MaxLength, earlier.DescriptionVi + " " + earlier.ValidationNoteVi + " " + earlier.AmendmentVi)
            != VnDateFormats.None;
        int? size;
        if (changed)
        {
            size = listed.MaxLength;
        }
        else if (earlierIsDate)
        {
            size = earlier.MaxLength;
        }
        else
        {
            size = earlier.MaxLength is null || listed.MaxLength is null ? null : Math.Max(earlier.MaxLength.Value, listed.MaxLength.Value);
        }

        var mayBeBlank = earlier.Required && MayBeBlank().IsMatch(wording.ToLowerInvariant());
        return earlier with
        {
            Seq = listed.Seq,
            Field = listed.Field,
            Type = earlier.Type == FieldType.String || listed.Type == FieldType.String ? FieldType.String : FieldType.Number,
            MaxLength = size,
            Required = earlier.Required && !mayBeBlank,
            RequiredCondition = mayBeBlank ? wording : earlier.RequiredCondition,
            DescriptionVi = wording.Length > 0 ? wording : earlier.DescriptionVi,
            ValidationNoteVi = earlier.ValidationNoteVi,
            AmendmentVi = listed.AmendmentVi,
        };
    }

    private static FieldRule ParseRow(IReadOnlyDictionary<string, string> row, int line)
    {
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
        return new FieldRule(table, seq, field, type, max, required, condition, description, note, amendment);
    }

    private static FieldRule WithDerivedFacts(FieldRule rule)
    {
        var formats = DateFormatsOf(rule.Field, rule.MaxLength, rule.DescriptionVi + " " + rule.ValidationNoteVi + " " + rule.AmendmentVi);
        return rule with
        {
            DateFormats = formats,
            MultipleDates = formats != VnDateFormats.None && (rule.MaxLength is null || rule.MaxLength > 12),
            IsBirthDate = rule.Field == "NGAY_SINH",
        };
    }

    /// <summary>The rule of a field of a table; false when the table has no such field in this standard.</summary>
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

    [GeneratedRegex(@"đổi tên từ ([A-Z0-9_]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RenamedFrom();

    [GeneratedRegex(@"để trống|không bắt buộc|chỉ bắt buộc khi", RegexOptions.CultureInvariant)]
    private static partial Regex MayBeBlank();

    [GeneratedRegex(@"yyyymmdd(?!hh)", RegexOptions.CultureInvariant)]
    private static partial Regex Eight();

    [GeneratedRegex(@"12 k[ýí] tự", RegexOptions.CultureInvariant)]
    private static partial Regex Twelve();
}
