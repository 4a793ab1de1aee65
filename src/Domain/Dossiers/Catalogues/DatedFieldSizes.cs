namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>A field's maximum length for episodes within a period, set by a decision after the standard's own field list.</summary>
/// <param name="Table">"XML2" …</param>
/// <param name="Field">The field, e.g. "MUC_HUONG".</param>
/// <param name="MaxLength">The maximum length in force in the period.</param>
/// <param name="ValidFrom">First day of the episodes it applies to; null since ever.</param>
/// <param name="ValidUntil">First day it no longer applies to (exclusive); null while in force.</param>
/// <param name="Decision">The decision that sets it.</param>
public sealed record DatedFieldSize(string Table, string Field, int MaxLength, DateOnly? ValidFrom, DateOnly? ValidUntil, string Decision)
{
    /// <summary>True for episodes on that day.</summary>
    public bool ValidOn(DateOnly day) => (ValidFrom is null || day >= ValidFrom) && (ValidUntil is null || day < ValidUntil);
}

/// <summary>
/// Maximum lengths that later decisions set by date, over the standard's field rules (QĐ 1931/QĐ-BYT: MUC_HUONG of XML2 and XML3
/// up to 4 characters for episodes from 01/07/2026). Loaded from a CSV file with the columns
/// <c>table,field,max_len,valid_from,valid_until,decision</c> (others are ignored). Immutable and thread-safe.
/// </summary>
public sealed class DatedFieldSizes
{
    private readonly DatedFieldSize[] _sizes;

    private DatedFieldSizes(DatedFieldSize[] sizes) => _sizes = sizes;

    /// <summary>No dated size.</summary>
    public static DatedFieldSizes None { get; } = new([]);

    /// <summary>Every row, in file order.</summary>
    public IReadOnlyList<DatedFieldSize> Sizes => _sizes;

    /// <summary>The sizes in force for episodes on <paramref name="day"/>, by (table, field); a later row wins.</summary>
    public IReadOnlyDictionary<(string Table, string Field), DatedFieldSize> On(DateOnly day)
    {
        var result = new Dictionary<(string, string), DatedFieldSize>();
        foreach (var size in _sizes)
        {
            if (size.ValidOn(day))
            {
                result[(size.Table, size.Field)] = size;
            }
        }

        return result;
    }

    /// <summary>Loads the sizes from a CSV file.</summary>
    public static DatedFieldSizes Load(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader);
    }

    /// <summary>Parses the sizes; throws <see cref="FormatException"/> naming the record on a missing column or a bad value.</summary>
    public static DatedFieldSizes Parse(TextReader csv)
    {
        var sizes = new List<DatedFieldSize>();
        var line = 1;
        foreach (var row in CsvReader.ReadWithHeader(csv))
        {
            line++;
            var table = Get(row, "table").Trim().ToUpperInvariant();
            var field = Get(row, "field").Trim();
            if (table.Length == 0 || field.Length == 0)
            {
                throw new FormatException($"Field size record {line} has no table or field.");
            }

            if (!int.TryParse(Get(row, "max_len").Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
                    out var max) || max < 1)
            {
                throw new FormatException($"Field size record {line} ({table}.{field}) has an invalid max_len.");
            }

            sizes.Add(new DatedFieldSize(table, field, max, DatedCodeList.Date(row, "valid_from", line), DatedCodeList.Date(row, "valid_until", line),
                Get(row, "decision").Trim()));
        }

        return new DatedFieldSizes([.. sizes]);
    }

    private static string Get(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var v) ? v : throw new FormatException($"The field size list has no '{column}' column.");
}
