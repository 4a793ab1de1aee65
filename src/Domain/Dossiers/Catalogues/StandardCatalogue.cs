using System.Globalization;

namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>
/// The data standards by the episodes they govern, loaded from a CSV file (standards.csv) with the columns
/// <c>standard,decision,episodes_from,field_rules,amends</c> (others, such as a note, are ignored):
/// <list type="bullet">
/// <item><c>standard</c>: the key (letters, digits, '.', '-', '_'), e.g. 3176;</item>
/// <item><c>episodes_from</c>: "yyyy-MM-dd", the first episode end it governs; empty only for the earliest standard;</item>
/// <item><c>field_rules</c>: its field list, a path relative to the standards file (or absolute);</item>
/// <item><c>amends</c>: empty when the field list is complete; otherwise the standard (listed above) whose rules it amends, read
/// with <see cref="FieldRuleCatalogue.ParseAmendment"/>.</item>
/// </list>
/// A standard governs episodes from its start until the next one's. Load once and share: immutable and thread-safe.
/// </summary>
public sealed class StandardCatalogue
{
    private readonly DataStandard[] _standards;

    private StandardCatalogue(DataStandard[] standards)
    {
        _standards = standards;
        for (var i = 0; i + 1 < standards.Length; i++)
        {
            standards[i].EpisodesUntil = standards[i + 1].EpisodesFrom;
        }
    }

    /// <summary>Every standard, oldest first.</summary>
    public IReadOnlyList<DataStandard> Standards => _standards;

    /// <summary>
    /// The standard an episode that ended on <paramref name="day"/> follows. Before the earliest standard's start (when it has
    /// one) that earliest standard is returned: check <see cref="DataStandard.Governs"/> to tell.
    /// </summary>
    public DataStandard For(DateOnly day)
    {
        for (var i = _standards.Length - 1; i > 0; i--)
        {
            if (_standards[i].EpisodesFrom <= day)
            {
                return _standards[i];
            }
        }

        return _standards[0];
    }

    /// <summary>The standard with that key, or null.</summary>
    public DataStandard? Find(string id) => Array.Find(_standards, s => s.Id == id);

    /// <summary>One standard for every episode, from one complete field list (tools and tests that check one standard only).</summary>
    public static StandardCatalogue Single(FieldRuleCatalogue fields, string id = "4750", string decision = "QĐ 130/QĐ-BYT as amended by QĐ 4750/QĐ-BYT")
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new StandardCatalogue([new DataStandard(id, decision, null, fields, null)]);
    }

    /// <summary>Loads the standards file; field lists are read relative to its folder.</summary>
    public static StandardCatalogue Load(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, name => Path.GetFullPath(Path.Combine(folder, name)));
    }

    /// <summary>
    /// Parses the standards CSV; <paramref name="resolve"/> turns a <c>field_rules</c> value into a file path. Throws
    /// <see cref="FormatException"/> naming the record for a missing column, a bad key or date, dates out of order, an unknown
    /// amended standard, or a field list that cannot be read.
    /// </summary>
    public static StandardCatalogue Parse(TextReader csv, Func<string, string> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        var standards = new List<DataStandard>();
        var line = 1;
        foreach (var row in CsvReader.ReadWithHeader(csv))
        {
            line++;
            var id = Get(row, "standard").Trim();
            if (id.Length is 0 or > 20 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                throw new FormatException($"Standards record {line}: the key '{id}' must be 1 to 20 letters, digits, '.', '-' or '_'.");
            }

            if (standards.Exists(s => s.Id == id))
            {
                throw new FormatException($"Standards record {line}: the standard {id} is listed twice.");
            }

            var fromText = Get(row, "episodes_from").Trim();
            DateOnly? from = null;
            if (fromText.Length > 0)
            {
                from = DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? day
                    : throw new FormatException($"Standards record {line} ({id}): episodes_from must be a date \"yyyy-MM-dd\", not '{fromText}'.");
            }

            if (standards.Count > 0 && (from is null || standards[^1].EpisodesFrom >= from))
            {
                throw new FormatException(
                    $"Standards record {line} ({id}): episodes_from must be later than the standard above it; only the first may be empty.");
            }

            var file = Get(row, "field_rules").Trim();
            if (file.Length == 0)
            {
                throw new FormatException($"Standards record {line} ({id}) names no field_rules file.");
            }

            var amends = Get(row, "amends").Trim();
            var basis = amends.Length == 0 ? null : standards.Find(s => s.Id == amends)
                ?? throw new FormatException($"Standards record {line} ({id}) amends '{amends}', which is not listed above it.");
            var path = resolve(file);
            FieldRuleCatalogue fields;
            try
            {
                fields = basis is null ? FieldRuleCatalogue.Load(path) : FieldRuleCatalogue.LoadAmendment(path, basis.Fields);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException
                or System.Text.DecoderFallbackException)
            {
                throw new FormatException($"Standards record {line} ({id}): the field list {path} cannot be read: {exception.Message}", exception);
            }

            if (fields.GetTableRules(TableCodes.Xml1).Count == 0)
            {
                throw new FormatException($"Standards record {line} ({id}): the field list {path} has no rule for table XML1.");
            }

            standards.Add(new DataStandard(id, row.GetValueOrDefault("decision", string.Empty).Trim(), from, fields, basis?.Id));
        }

        return standards.Count == 0
            ? throw new FormatException("The standards file lists no standard.")
            : new StandardCatalogue([.. standards]);
    }

    private static string Get(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var v) ? v : throw new FormatException($"The standards file has no '{column}' column.");
}
