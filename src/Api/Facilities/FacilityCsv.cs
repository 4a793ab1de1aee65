using System.Text;
using SoSucKhoe.Dossiers;
using SoSucKhoe.Dossiers.Catalogues;
using SoSucKhoe.Dossiers.Identifiers;
using SoSucKhoe.Dossiers.Model;
using SoSucKhoe.Facilities;

namespace SoSucKhoe.Api.Facilities;

/// <summary>
/// Reads the CSV of ImportFacilities into <see cref="FacilityInput"/> rows, collecting every bad cell as a problem named
/// "row &lt;n&gt;: &lt;column&gt;" (data rows count from 1, the header is row 0).
/// </summary>
public static class FacilityCsv
{
    /// <summary>The most data rows one import takes.</summary>
    public const int MaxRows = 5_000;

    /// <summary>The most bytes one import takes.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>The columns a file may have.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "facility_code", "name", "province_code", "district_code", "commune_code", "location_effective_from", "level", "ownership",
        "insured_care_contract", "care_types",
    ];

    /// <summary>One parsed data row.</summary>
    public sealed record Row(int Number, FacilityInput Input);

    /// <summary>The rows (only meaningful when <paramref name="problems"/> stayed empty), or null when the file exceeds <see cref="MaxRows"/>.</summary>
    public static IReadOnlyList<Row>? Read(ReadOnlyMemory<byte> csv, List<FieldProblem> problems)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(csv.Span);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new FieldProblem("row 0: csv", ViolationRules.Encoding, "The file is not valid UTF-8."));
            return [];
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var records = new List<string[]>();
        try
        {
            foreach (var record in CsvReader.ReadRecords(new StringReader(text)))
            {
                records.Add(record);
                if (records.Count > MaxRows + 1)
                {
                    return null;
                }
            }
        }
        catch (FormatException exception)
        {
            problems.Add(new FieldProblem("row 0: csv", RegistryRules.CsvMalformed, exception.Message));
            return [];
        }

        if (records.Count == 0)
        {
            problems.Add(new FieldProblem("row 0: csv", ViolationRules.Required, "The file is empty: a header row and at least one data row are required."));
            return [];
        }

        var header = records[0].Select(h => h.Trim().ToLowerInvariant()).ToArray();
        for (var i = 0; i < header.Length; i++)
        {
            if (!Columns.Contains(header[i]))
            {
                problems.Add(new FieldProblem($"row 0: {header[i]}", ViolationRules.UnknownField,
                    $"Unknown column \"{header[i]}\"; expected {string.Join(", ", Columns)}."));
            }
            else if (Array.IndexOf(header, header[i]) != i)
            {
                problems.Add(new FieldProblem($"row 0: {header[i]}", ViolationRules.DuplicateField, $"Column \"{header[i]}\" appears twice."));
            }
        }

        foreach (var required in new[] { "facility_code", "name" })
        {
            if (!header.Contains(required))
            {
                problems.Add(new FieldProblem($"row 0: {required}", ViolationRules.Required, $"The column \"{required}\" is required."));
            }
        }

        if (records.Count == 1)
        {
            problems.Add(new FieldProblem("row 1: facility_code", ViolationRules.Required, "The file has no data row."));
        }

        if (problems.Count > 0)
        {
            return [];
        }

        var rows = new List<Row>(records.Count - 1);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 1; r < records.Count; r++)
        {
            var record = records[r];
            string? Cell(string column)
            {
                var index = Array.IndexOf(header, column);
                return index < 0 || index >= record.Length ? null : RegistryText.NullIfEmpty(record[index]);
            }

            var prefix = $"row {r}: ";
            if (record.Length > header.Length)
            {
                problems.Add(new FieldProblem(prefix + "csv", RegistryRules.CsvMalformed, $"The row has {record.Length} cells, the header {header.Length}."));
            }

            var code = Cell("facility_code") ?? string.Empty;
            if (!FacilityCode.TryParse(code, out var parsed, out var reason))
            {
                problems.Add(new FieldProblem(prefix + "facility_code", ViolationRules.FacilityCodeStructure, reason!));
            }
            else if (seen.TryGetValue(parsed.Value, out var first))
            {
                problems.Add(new FieldProblem(prefix + "facility_code", RegistryRules.DuplicateRow, $"Facility {parsed.Value} is already on row {first}."));
            }
            else
            {
                seen[parsed.Value] = r;
                code = parsed.Value;
            }

            var name = Cell("name");
            if (name is null)
            {
                problems.Add(new FieldProblem(prefix + "name", ViolationRules.Required, "The facility name is required."));
            }

            DateOnly? from = null;
            if (Cell("location_effective_from") is { } fromText)
            {
                if (RegistryText.TryParseDate(fromText, out var date))
                {
                    from = date;
                }
                else
                {
                    problems.Add(new FieldProblem(prefix + "location_effective_from", ViolationRules.DateFormat, "Dates are written yyyy-MM-dd."));
                }
            }

            var level = ParseChoice(Cell("level"), prefix + "level", problems, LevelNames);
            var ownership = ParseChoice(Cell("ownership"), prefix + "ownership", problems, OwnershipNames);
            bool? insured = null;
            if (Cell("insured_care_contract") is { } insuredText)
            {
                insured = insuredText.ToLowerInvariant() switch
                {
                    "true" or "1" or "yes" or "co" or "có" => true,
                    "false" or "0" or "no" or "khong" or "không" => false,
                    _ => null,
                };
                if (insured is null)
                {
                    problems.Add(new FieldProblem(prefix + "insured_care_contract", ViolationRules.CodeList, "Write true or false."));
                }
            }

            List<CareType>? careTypes = null;
            if (Cell("care_types") is { } careText)
            {
                careTypes = [];
                foreach (var part in MultiValue.Split(careText))
                {
                    if (CareTypeNames.TryGetValue(part.Trim().ToLowerInvariant(), out var careType))
                    {
                        careTypes.Add(careType);
                    }
                    else
                    {
                        problems.Add(new FieldProblem(prefix + "care_types", ViolationRules.CodeList,
                            $"Unknown care type \"{part}\"; expected {string.Join(", ", CareTypeNames.Keys)}."));
                        break;
                    }
                }
            }

            rows.Add(new Row(r, new FacilityInput(code, name, Cell("province_code"), Cell("district_code"), Cell("commune_code"), from,
                level, ownership, insured, careTypes)));
        }

        return rows;
    }

    /// <summary>The row number a problem names ("row 12: ..."), for ordering; 0 for the header or the file.</summary>
    public static int RowOf(FieldProblem problem)
    {
        var field = problem.Field;
        if (!field.StartsWith("row ", StringComparison.Ordinal))
        {
            return 0;
        }

        var end = field.IndexOf(':', StringComparison.Ordinal);
        return end > 4 && int.TryParse(field.AsSpan(4, end - 4), System.Globalization.CultureInfo.InvariantCulture, out var row) ? row : 0;
    }

    private static readonly Dictionary<string, FacilityLevel> LevelNames = new(StringComparer.Ordinal)
    {
        ["central"] = FacilityLevel.Central,
        ["province"] = FacilityLevel.Province,
        ["district"] = FacilityLevel.District,
        ["commune"] = FacilityLevel.Commune,
    };

    private static readonly Dictionary<string, FacilityOwnership> OwnershipNames = new(StringComparer.Ordinal)
    {
        ["public"] = FacilityOwnership.Public,
        ["private"] = FacilityOwnership.Private,
    };

    private static readonly Dictionary<string, CareType> CareTypeNames = new(StringComparer.Ordinal)
    {
        ["outpatient_exam"] = CareType.OutpatientExam,
        ["outpatient_treatment"] = CareType.OutpatientTreatment,
        ["drug_refill"] = CareType.DrugRefill,
        ["inpatient"] = CareType.Inpatient,
        ["day_care"] = CareType.DayCare,
        ["telemedicine"] = CareType.Telemedicine,
    };

    private static T? ParseChoice<T>(string? text, string field, List<FieldProblem> problems, Dictionary<string, T> names)
        where T : struct
    {
        if (text is null)
        {
            return null;
        }

        if (names.TryGetValue(text.ToLowerInvariant(), out var value))
        {
            return value;
        }

        problems.Add(new FieldProblem(field, ViolationRules.CodeList, $"Unknown value \"{text}\"; expected {string.Join(", ", names.Keys)}."));
        return null;
    }
}
