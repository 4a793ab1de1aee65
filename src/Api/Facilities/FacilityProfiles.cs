using SoSucKhoe.Facilities;

namespace SoSucKhoe.Api.Facilities;

/// <summary>Builds the profile a registration stores from the input and what the hub already holds, and checks it.</summary>
public sealed class FacilityProfiles(FacilityLocationValidator locations, Catalogues catalogues)
{
    /// <summary>The most characters of a facility name.</summary>
    public const int MaxNameLength = 255;

    /// <summary>
    /// The merged profile, or null when <paramref name="problems"/> got entries. A new facility needs a name; its location starts on
    /// <paramref name="today"/> unless given, and its province defaults to the province the code's first two digits denote on that
    /// day (a facility coded 70xxx is in province 75 from 01/07/2025: facility codes of both former provinces belong to it). On an update, a location given
    /// with an existing start date replaces that location, a new date adds one, no date changes the location in force today.
    /// </summary>
    public FacilityProfile? Merge(FacilityInput input, FacilityView? existing, DateOnly today, ICollection<FieldProblem> problems, string prefix = "")
    {
        var count = problems.Count;
        var name = input.Name;
        if (name is not null && !RegistryText.IsPrintable(name, MaxNameLength))
        {
            problems.Add(new FieldProblem(prefix + "name", RegistryRules.Text, $"The facility name has 1 to {MaxNameLength} printable characters."));
        }
        else if (name is null && existing is null)
        {
            problems.Add(new FieldProblem(prefix + "name", Dossiers.ViolationRules.Required,
                $"The facility name is required (at most {MaxNameLength} characters)."));
        }

        IReadOnlyList<FacilityLocation> merged;
        if (existing is null)
        {
            var from = input.EffectiveFrom ?? today;
            var location = new FacilityLocation(from, input.ProvinceCode ?? ProvinceOf(input.FacilityCode, from), input.DistrictCode,
                input.CommuneCode);
            locations.Validate(location, problems, prefix);
            merged = [location];
        }
        else if (input.HasLocation)
        {
            var stored = existing.Profile.Locations;
            var inForce = FacilityLocation.InForce(stored, today);
            var from = input.EffectiveFrom ?? inForce?.EffectiveFrom ?? today;
            var basis = stored.FirstOrDefault(l => l.EffectiveFrom == from) ?? inForce;
            // A province that no longer exists on the new date carries over as the province it became part of.
            var province = input.ProvinceCode
                ?? (basis is null ? ProvinceOf(input.FacilityCode, from) : catalogues.AdministrativeUnits.ProvinceOn(basis.ProvinceCode, from));
            var sameProvince = province == basis?.ProvinceCode;
            var district = input.DistrictCode ?? (sameProvince ? basis?.DistrictCode : null);
            var commune = input.CommuneCode ?? (sameProvince && district == basis?.DistrictCode ? basis?.CommuneCode : null);
            var location = new FacilityLocation(from, province, district, commune);
            locations.Validate(location, problems, prefix);
            merged = Place(stored, location);
        }
        else
        {
            merged = existing.Profile.Locations;
        }

        if (problems.Count > count)
        {
            return null;
        }

        var old = existing?.Profile;
        return new FacilityProfile(
            name?.Trim() ?? old!.Name,
            input.Level ?? old?.Level ?? FacilityLevel.Unspecified,
            input.Ownership ?? old?.Ownership ?? FacilityOwnership.Unspecified,
            input.InsuredCareContract ?? old?.InsuredCareContract ?? false,
            merged,
            input.CareTypes is { Count: > 0 } careTypes ? careTypes.Distinct().Order().ToList() : old?.CareTypes ?? []);
    }

    /// <summary>The profile with <paramref name="location"/> added (or replacing the one with the same start), after checking it.</summary>
    public FacilityProfile? Schedule(FacilityProfile profile, FacilityLocation location, ICollection<FieldProblem> problems)
    {
        var count = problems.Count;
        locations.Validate(location, problems);
        return problems.Count > count ? null : profile with { Locations = Place(profile.Locations, location) };
    }

    private static List<FacilityLocation> Place(IReadOnlyList<FacilityLocation> stored, FacilityLocation location) =>
        [.. stored.Where(l => l.EffectiveFrom != location.EffectiveFrom).Append(location).OrderBy(l => l.EffectiveFrom)];

    private string ProvinceOf(string facilityCode, DateOnly day) =>
        catalogues.AdministrativeUnits.ProvinceOn(facilityCode.Length >= 2 ? facilityCode[..2] : facilityCode, day);
}
