using System.Text;

namespace SoSucKhoe.TestData;

/// <summary>A commune with its district and province codes (province 2 digits, district 3, commune 5).</summary>
public sealed record AdministrativeUnit(string ProvinceCode, string DistrictCode, string CommuneCode, string CommuneName)
{
    /// <summary>
    /// Reads communes of one province from a CSV file with the columns
    /// province_code,province,district_code,district,commune_code,commune,level (header row first).
    /// The file is read at run time; its content is never embedded.
    /// </summary>
    public static IReadOnlyList<AdministrativeUnit> LoadCsv(string path, string provinceCode)
    {
        var result = new List<AdministrativeUnit>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8).Skip(1))
        {
            var cells = SplitCsvLine(line);
            if (cells.Count >= 6 && cells[0] == provinceCode)
            {
                result.Add(new AdministrativeUnit(cells[0], cells[2], cells[4], cells[5]));
            }
        }

        return result;
    }

    private static List<string> SplitCsvLine(string line)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        cells.Add(current.ToString());
        return cells;
    }
}
