namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>A province, district or commune with its official name.</summary>
public sealed record AdministrativeUnit(string Code, string Name);

/// <summary>
/// Provinces, districts and communes from an official list (columns province_code, province, district_code, district,
/// commune_code, commune, and optionally level and former_province_codes). A list is valid for a period only: units are merged
/// and renamed by resolution (Bình Phước 70 joined Đồng Nai 75 on 01/07/2025, when the district level was abolished), so callers
/// ask whether the list covers the day they care about before trusting a "not found". A list without district columns (the
/// 2025 list) has communes directly under their province.
/// </summary>
public sealed class AdministrativeUnitCatalogue
{
    private readonly Dictionary<string, AdministrativeUnit> _provinces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Province, AdministrativeUnit Unit)> _districts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string District, AdministrativeUnit Unit)> _communes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AdministrativeUnit>> _districtsByProvince = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _communeProvince = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _communeLevel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _formerProvinces = new(StringComparer.Ordinal);

    private AdministrativeUnitCatalogue(DateOnly validFrom, DateOnly? validUntil)
    {
        ValidFrom = validFrom;
        ValidUntil = validUntil;
    }

    /// <summary>First day the list describes.</summary>
    public DateOnly ValidFrom { get; }

    /// <summary>First day it no longer describes (exclusive), if known.</summary>
    public DateOnly? ValidUntil { get; }

    /// <summary>Number of provinces listed.</summary>
    public int ProvinceCount => _provinces.Count;

    /// <summary>True when the list has a district level (false for the lists from 01/07/2025).</summary>
    public bool HasDistricts => _districts.Count > 0;

    /// <summary>Number of communes listed.</summary>
    public int CommuneCount => _communes.Count;

    /// <summary>True when the list describes the units in force on that day.</summary>
    public bool Covers(DateOnly day) => day >= ValidFrom && (ValidUntil is null || day < ValidUntil);

    /// <summary>Loads a list from a CSV file with a header row.</summary>
    public static AdministrativeUnitCatalogue Load(string path, DateOnly validFrom, DateOnly? validUntil)
    {
        using var reader = new StreamReader(path);
        return Load(reader, validFrom, validUntil);
    }

    /// <summary>Loads a list from CSV text with a header row.</summary>
    public static AdministrativeUnitCatalogue Load(TextReader reader, DateOnly validFrom, DateOnly? validUntil)
    {
        var catalogue = new AdministrativeUnitCatalogue(validFrom, validUntil);
        foreach (var row in CsvReader.ReadWithHeader(reader))
        {
            var province = row.GetValueOrDefault("province_code", string.Empty).Trim();
            var district = row.GetValueOrDefault("district_code", string.Empty).Trim();
            var commune = row.GetValueOrDefault("commune_code", string.Empty).Trim();
            if (province.Length == 0)
            {
                continue;
            }

            catalogue._provinces.TryAdd(province, new AdministrativeUnit(province, row.GetValueOrDefault("province", string.Empty).Trim()));
            if (district.Length > 0 && !catalogue._districts.ContainsKey(district))
            {
                var unit = new AdministrativeUnit(district, row.GetValueOrDefault("district", string.Empty).Trim());
                catalogue._districts[district] = (province, unit);
                if (!catalogue._districtsByProvince.TryGetValue(province, out var list))
                {
                    catalogue._districtsByProvince[province] = list = [];
                }

                list.Add(unit);
            }

            if (commune.Length > 0 && catalogue._communes.TryAdd(commune,
                    (district, new AdministrativeUnit(commune, row.GetValueOrDefault("commune", string.Empty).Trim()))))
            {
                catalogue._communeProvince[commune] = province;
                if (row.GetValueOrDefault("level", string.Empty).Trim() is { Length: > 0 } level)
                {
                    catalogue._communeLevel[commune] = level;
                }
            }

            if (row.GetValueOrDefault("former_province_codes", string.Empty).Trim() is { Length: > 0 } former
                && !catalogue._formerProvinces.ContainsKey(province))
            {
                catalogue._formerProvinces[province] = former.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            }
        }

        return catalogue;
    }

    /// <summary>The province with that code, or null.</summary>
    public AdministrativeUnit? FindProvince(string code) => _provinces.GetValueOrDefault(code);

    /// <summary>The district with that code and the province it belongs to, or null.</summary>
    public (string ProvinceCode, AdministrativeUnit Unit)? FindDistrict(string code) =>
        _districts.TryGetValue(code, out var found) ? found : null;

    /// <summary>The commune with that code and the district it belongs to, or null.</summary>
    public (string DistrictCode, AdministrativeUnit Unit)? FindCommune(string code) =>
        _communes.TryGetValue(code, out var found) ? found : null;

    /// <summary>The province a commune belongs to, or null.</summary>
    public string? ProvinceOfCommune(string code) => _communeProvince.GetValueOrDefault(code);

    /// <summary>The commune's level as listed ("Phường", "Xã", "Đặc khu", "Thị trấn"), or null.</summary>
    public string? CommuneLevel(string code) => _communeLevel.GetValueOrDefault(code);

    /// <summary>The provinces a province was formed from (former_province_codes), or just itself when the list does not say.</summary>
    public IReadOnlyList<string> FormerProvinceCodes(string provinceCode) =>
        _formerProvinces.TryGetValue(provinceCode, out var codes) ? codes : [provinceCode];

    /// <summary>The province of this list formed from (or continuing) <paramref name="formerProvinceCode"/>, or null.</summary>
    public string? ProvinceFormedFrom(string formerProvinceCode)
    {
        if (_provinces.ContainsKey(formerProvinceCode))
        {
            return formerProvinceCode;
        }

        foreach (var (province, former) in _formerProvinces)
        {
            if (Array.IndexOf(former, formerProvinceCode) >= 0)
            {
                return province;
            }
        }

        return null;
    }

    /// <summary>The communes of a province, in code order.</summary>
    public IReadOnlyList<AdministrativeUnit> CommunesOfProvince(string provinceCode) =>
        _communes.Where(c => _communeProvince[c.Key] == provinceCode).Select(c => c.Value.Unit)
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();

    /// <summary>The districts of a province, in file order (empty when the province is unknown).</summary>
    public IReadOnlyList<AdministrativeUnit> DistrictsOf(string provinceCode) =>
        _districtsByProvince.TryGetValue(provinceCode, out var list) ? list : [];

    /// <summary>The communes of a district, in code order.</summary>
    public IReadOnlyList<AdministrativeUnit> CommunesOf(string districtCode) =>
        _communes.Where(c => c.Value.District == districtCode).Select(c => c.Value.Unit).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
}
