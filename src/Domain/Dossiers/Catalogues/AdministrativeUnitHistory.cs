namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>
/// The administrative-unit lists by the days they describe (the 63-province list of 11/06/2024 until 30/06/2025, the 34-province
/// list from 01/07/2025), the later changes that rename units without new codes, and the old-to-new commune conversion. It answers
/// what a code meant on a day: residence codes are checked against the list of the visit's day, names follow the changes by date.
/// Immutable and thread-safe.
/// </summary>
public sealed class AdministrativeUnitHistory
{
    private readonly AdministrativeUnitCatalogue[] _lists;

    /// <summary>Builds the history; <paramref name="lists"/> may come in any order.</summary>
    public AdministrativeUnitHistory(IEnumerable<AdministrativeUnitCatalogue> lists, AdministrativeUnitChanges? changes = null, CommuneMapping? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(lists);
        _lists = [.. lists.OrderBy(l => l.ValidFrom)];
        Changes = changes;
        Mapping = mapping ?? CommuneMapping.Empty;
    }

    /// <summary>No list: nothing is checked, no name is known.</summary>
    public static AdministrativeUnitHistory None { get; } = new([]);

    /// <summary>The lists, oldest first.</summary>
    public IReadOnlyList<AdministrativeUnitCatalogue> Lists => _lists;

    /// <summary>The changes after the latest list, if loaded.</summary>
    public AdministrativeUnitChanges? Changes { get; }

    /// <summary>The old-to-new commune conversion (empty when not loaded).</summary>
    public CommuneMapping Mapping { get; }

    /// <summary>The list that describes the units in force on a day (the latest one covering it), or null.</summary>
    public AdministrativeUnitCatalogue? On(DateOnly day)
    {
        for (var i = _lists.Length - 1; i >= 0; i--)
        {
            if (_lists[i].Covers(day))
            {
                return _lists[i];
            }
        }

        return null;
    }

    /// <summary>The latest list (the one in force today, unless a list with a future start was loaded), or null.</summary>
    public AdministrativeUnitCatalogue? Latest => _lists.Length == 0 ? null : _lists[^1];

    /// <summary>The province's name on a day: the changes, then the list of that day, then the latest list that knows it.</summary>
    public string? ProvinceName(string code, DateOnly day) =>
        Changes?.ProvinceName(code, day) ?? On(day)?.FindProvince(code)?.Name
        ?? _lists.Reverse().Select(l => l.FindProvince(code)?.Name).FirstOrDefault(n => n is not null);

    /// <summary>The commune's name on a day, like <see cref="ProvinceName"/>.</summary>
    public string? CommuneName(string code, DateOnly day) =>
        Changes?.CommuneName(code, day) ?? On(day)?.FindCommune(code)?.Unit.Name
        ?? _lists.Reverse().Select(l => l.FindCommune(code)?.Unit.Name).FirstOrDefault(n => n is not null);

    /// <summary>The commune's level on a day ("Phường", "Xã" …), like <see cref="ProvinceName"/>.</summary>
    public string? CommuneLevel(string code, DateOnly day) =>
        Changes?.CommuneLevel(code, day) ?? On(day)?.CommuneLevel(code);

    /// <summary>A district's name from the latest list that has it (districts end on 30/06/2025; their names do not change).</summary>
    public string? DistrictName(string code) =>
        _lists.Reverse().Select(l => l.FindDistrict(code)?.Unit.Name).FirstOrDefault(n => n is not null);

    /// <summary>True when some list has a district with that code.</summary>
    public bool IsKnownDistrict(string code) => _lists.Any(l => l.FindDistrict(code) is not null);

    /// <summary>
    /// The province a code denotes on a day: the code itself while it exists, else the province the list of that day formed from it
    /// (a facility coded 70xxx belongs to province 75 from 01/07/2025). Unknown days and codes give the code back.
    /// </summary>
    public string ProvinceOn(string provinceCode, DateOnly day) =>
        On(day) is { } list ? list.ProvinceFormedFrom(provinceCode) ?? provinceCode : provinceCode;

    /// <summary>
    /// The province codes a province stood for on a day: before the list that formed it, the provinces it was formed from (75 on
    /// 30/06/2025: 70 and 75); from then on, itself.
    /// </summary>
    public IReadOnlyList<string> ProvinceCodesOn(string provinceCode, DateOnly day)
    {
        for (var i = _lists.Length - 1; i >= 0; i--)
        {
            var list = _lists[i];
            if (list.FindProvince(provinceCode) is null)
            {
                continue;
            }

            return day >= list.ValidFrom ? [provinceCode] : list.FormerProvinceCodes(provinceCode);
        }

        return [provinceCode];
    }

    /// <summary>
    /// Today's commune of a location recorded with <paramref name="communeCode"/> in force from <paramref name="recordedOn"/>: the
    /// code itself when the list of <paramref name="today"/> was already in force then (or no list covers that day) and has it;
    /// the commune the conversion made of it when it was recorded under an older list; null when neither is known.
    /// </summary>
    public string? CommuneToday(string communeCode, DateOnly recordedOn, DateOnly today)
    {
        if (On(today) is not { } now)
        {
            return null;
        }

        var then = On(recordedOn);
        if (then is null || ReferenceEquals(then, now))
        {
            return now.FindCommune(communeCode) is not null ? communeCode : null;
        }

        return Mapping.FindOld(communeCode)?.NewCommuneCode;
    }
}
