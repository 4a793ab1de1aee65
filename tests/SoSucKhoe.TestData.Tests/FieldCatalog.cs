using SoSucKhoe.Dossiers.Catalogues;
namespace SoSucKhoe.TestData.Tests;

/// <summary>One row of xml-fields-qd4750.csv.</summary>
internal sealed record FieldSpec(string Table, string Field, string Type, int? MaxLength, string Required)
{
    public bool IsRequired => Required == "yes";

    public bool IsNumber => Type == "number";
}

/// <summary>The field catalogue, read from the reference CSV at run time (RFC 4180 quoting, multi-line cells).</summary>
internal static class FieldCatalog
{
    private static readonly Lazy<IReadOnlyList<FieldSpec>> Specs = new(Load);

    public static IReadOnlyList<FieldSpec> All => Specs.Value;

    public static IReadOnlyList<FieldSpec> For(string table) => All.Where(s => s.Table == table).ToList();

    /// <summary>The fields of a table under a data standard, as the product reads its shipped catalogues.</summary>
    public static IReadOnlyList<FieldSpec> For(string table, string standard) =>
        ShippedCatalogues.Standards.Find(standard)!.Fields.GetTableRules(table)
            .Select(r => new FieldSpec(r.Table, r.Field, r.Type == FieldType.Number ? "number" : "string", r.MaxLength, r.Required ? "yes" : string.Empty))
            .ToList();

    private static IReadOnlyList<FieldSpec> Load()
    {
        var rows = ParseCsv(File.ReadAllText(ReferenceFiles.FieldsCsv, Encoding.UTF8));
        var header = rows[0];
        int Col(string name) => Array.IndexOf(header, name);
        var (table, field, type, max, required) = (Col("table"), Col("field"), Col("type"), Col("max_len"), Col("required"));
        return rows.Skip(1)
            .Where(r => r.Length > required)
            .Select(r => new FieldSpec(
                r[table].Trim(),
                r[field].Trim(),
                r[type].Trim(),
                int.TryParse(r[max].Trim(), out var m) ? m : null,
                r[required].Trim()))
            .ToList();
    }

    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(cell.ToString());
                    cell.Clear();
                    rows.Add([.. row]);
                    row.Clear();
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }
}
