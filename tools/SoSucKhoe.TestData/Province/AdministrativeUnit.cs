using System.Text;
using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.TestData;

/// <summary>
/// A commune with its district and province codes (province 2 digits, district 3, commune 5) as the 2024 list codes it, and,
/// when known, the province and commune it belongs to after the reform of 01/07/2025.
/// </summary>
public sealed record AdministrativeUnit(string ProvinceCode, string DistrictCode, string CommuneCode, string CommuneName)
{
    /// <summary>The province after the reform (e.g. 75 for a commune of Bình Phước).</summary>
    public string? CurrentProvinceCode { get; init; }

    /// <summary>The commune after the reform.</summary>
    public string? CurrentCommuneCode { get; init; }

    /// <summary>
    /// The communes of one pre-reform province from the product's lists, with their post-reform codes: from the conversion
    /// table where it knows the commune (former Bình Phước), else a commune of the new province that the table does not name,
    /// picked from the code (synthetic: the product ships no conversion for other provinces). Empty when the 2024 list does not
    /// know the province.
    /// </summary>
    public static IReadOnlyList<AdministrativeUnit> FromCatalogues(string provinceCode, AdministrativeUnitHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var before = history.Lists.LastOrDefault(l => l.HasDistricts && l.FindProvince(provinceCode) is not null);
        if (before is null)
        {
            return [];
        }

        var latest = history.Latest;
        var province = latest is null || ReferenceEquals(latest, before) ? null : latest.ProvinceFormedFrom(provinceCode);
        var unmapped = province is null
            ? []
            : latest!.CommunesOfProvince(province).Where(c => history.Mapping.FormedFrom(c.Code).Count == 0).Select(c => c.Code).ToArray();
        var result = new List<AdministrativeUnit>();
        foreach (var district in before.DistrictsOf(provinceCode))
        {
            foreach (var commune in before.CommunesOf(district.Code))
            {
                var current = history.Mapping.FindOld(commune.Code)?.NewCommuneCode
                    ?? (unmapped.Length == 0 ? null : unmapped[int.Parse(commune.Code, System.Globalization.CultureInfo.InvariantCulture) % unmapped.Length]);
                result.Add(new AdministrativeUnit(provinceCode, district.Code, commune.Code, commune.Name)
                {
                    CurrentProvinceCode = current is null ? null : province,
                    CurrentCommuneCode = current,
                });
            }
        }

        return result;
    }

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
