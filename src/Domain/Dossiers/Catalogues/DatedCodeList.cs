using System.Globalization;

namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>One code of a dated code list, with the decision that lists it and the days it is valid on.</summary>
/// <param name="Code">The code as written in the dossier (leading zeros kept).</param>
/// <param name="Name">What it means, as the decision words it (or a description where the wording is not at hand).</param>
/// <param name="ValidFrom">First day of the episodes it is valid for; null when valid since ever.</param>
/// <param name="ValidUntil">First day it is no longer valid (exclusive); null while in force.</param>
/// <param name="Decision">The decision that lists it.</param>
/// <param name="ListComplete">False when the decision's list is known to be incomplete in this file (a code missing from it is then accepted).</param>
public sealed record DatedCode(string Code, string Name, DateOnly? ValidFrom, DateOnly? ValidUntil, string Decision, bool ListComplete)
{
    /// <summary>True when the code is valid for an episode on that day.</summary>
    public bool ValidOn(DateOnly day) => (ValidFrom is null || day >= ValidFrom) && (ValidUntil is null || day < ValidUntil);
}

/// <summary>What a code list says about one code on one day.</summary>
public enum CodeVerdict
{
    /// <summary>The code is listed for that day.</summary>
    Listed = 0,

    /// <summary>No list is in force that day: the code is not checked.</summary>
    NoList = 1,

    /// <summary>The code is not listed, but a list in force that day is incomplete: the code is accepted with a notice.</summary>
    NotInIncompleteList = 2,

    /// <summary>The code is not in the complete list(s) in force that day: a violation.</summary>
    NotListed = 3,
}

/// <summary>
/// The codes one field may take, by date (MA_DOITUONG_KCB, MA_LOAI_KCB, MA_KHOA …), loaded from a CSV file with the columns
/// <c>code,name,valid_from,valid_until,decision,list_complete</c> (dates "yyyy-MM-dd", <c>valid_until</c> exclusive, both may be
/// empty; <c>list_complete</c> yes/no; other columns, such as a note, are ignored). Decisions replace lists on a date and allow a
/// transition, so several rows of one code may be valid on different days, and two lists may overlap. On a day, a code is valid
/// when a row in force lists it; it is refused only when every row in force belongs to a complete list; on a day no row covers,
/// the field is not checked (the list of that time is not shipped). Immutable and thread-safe.
/// </summary>
public sealed class DatedCodeList
{
    private readonly DatedCode[] _codes;

    private DatedCodeList(string field, DatedCode[] codes)
    {
        Field = field;
        _codes = codes;
    }

    /// <summary>The dossier field the list is for (e.g. "MA_DOITUONG_KCB"); every table's field of that name is checked.</summary>
    public string Field { get; }

    /// <summary>Every row, in file order.</summary>
    public IReadOnlyList<DatedCode> Codes => _codes;

    /// <summary>An empty list (nothing is checked).</summary>
    public static DatedCodeList Empty(string field) => new(field, []);

    /// <summary>What the list says about <paramref name="code"/> for an episode on <paramref name="day"/>.</summary>
    public CodeVerdict Check(string code, DateOnly day)
    {
        var anyInForce = false;
        var allComplete = true;
        foreach (var entry in _codes)
        {
            if (!entry.ValidOn(day))
            {
                continue;
            }

            if (entry.Code == code)
            {
                return CodeVerdict.Listed;
            }

            anyInForce = true;
            allComplete &= entry.ListComplete;
        }

        return !anyInForce ? CodeVerdict.NoList : allComplete ? CodeVerdict.NotListed : CodeVerdict.NotInIncompleteList;
    }

    /// <summary>The codes valid on a day, in file order, each once.</summary>
    public IReadOnlyList<string> CodesOn(DateOnly day) => _codes.Where(c => c.ValidOn(day)).Select(c => c.Code).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The decisions whose rows are in force on a day, each once ("QĐ 3276/QĐ-BYT (17/10/2025)").</summary>
    public IReadOnlyList<string> DecisionsOn(DateOnly day) =>
        _codes.Where(c => c.ValidOn(day)).Select(c => c.Decision).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Loads a list from a CSV file.</summary>
    public static DatedCodeList Load(string field, string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(field, reader);
    }

    /// <summary>Parses a list; throws <see cref="FormatException"/> naming the record for a missing column, code or bad date.</summary>
    public static DatedCodeList Parse(string field, TextReader csv)
    {
        var codes = new List<DatedCode>();
        var line = 1;
        foreach (var row in CsvReader.ReadWithHeader(csv))
        {
            line++;
            var code = Get(row, "code").Trim();
            if (code.Length is 0 or > 50)
            {
                throw new FormatException($"Code list record {line} has no code (or one longer than 50 characters).");
            }

            var from = Date(row, "valid_from", line);
            var until = Date(row, "valid_until", line);
            if (from is not null && until is not null && until <= from)
            {
                throw new FormatException($"Code list record {line} ({code}): valid_until must be later than valid_from.");
            }

            var complete = Get(row, "list_complete").Trim();
            if (!complete.Equals("yes", StringComparison.OrdinalIgnoreCase) && !complete.Equals("no", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException($"Code list record {line} ({code}): list_complete must be yes or no, not '{complete}'.");
            }

            codes.Add(new DatedCode(code, Get(row, "name").Trim(), from, until, Get(row, "decision").Trim(),
                complete.Equals("yes", StringComparison.OrdinalIgnoreCase)));
        }

        return new DatedCodeList(field, [.. codes]);
    }

    internal static DateOnly? Date(IReadOnlyDictionary<string, string> row, string column, int line)
    {
        var text = Get(row, column).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new FormatException($"Record {line}: {column} must be a date \"yyyy-MM-dd\", not '{text}'.");
    }

    private static string Get(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var v) ? v : throw new FormatException($"The code list has no '{column}' column.");
}
