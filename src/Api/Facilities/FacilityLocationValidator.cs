using SoSucKhoe.Facilities;

namespace SoSucKhoe.Api.Facilities;

/// <summary>
/// Checks a facility location: the code formats always (province 2 digits, district 3, commune 5), and membership on days an
/// administrative-unit list covers, against the list of the location's first day, because units are effective-dated. Under a list
/// with districts (until 30/06/2025): district in province, commune in district. Under the list of the 2025 reform (no district
/// level): commune in province, and a district, when given, must be a former district of the provinces that formed the province
/// (kept for continuity with reports made before the reform). Days no list covers are checked for format only.
/// </summary>
public sealed class FacilityLocationValidator(Catalogues catalogues)
{
    /// <summary>Adds a problem per field of <paramref name="location"/> that breaks a rule.</summary>
    public void Validate(FacilityLocation location, ICollection<FieldProblem> problems, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(problems);
        var formatOk = true;
        if (!RegistryText.IsDigits(location.ProvinceCode, 2))
        {
            problems.Add(new FieldProblem(prefix + "province_code", Dossiers.ViolationRules.CodeList, "The province code must be 2 digits."));
            formatOk = false;
        }

        if (location.DistrictCode is { } district && !RegistryText.IsDigits(district, 3))
        {
            problems.Add(new FieldProblem(prefix + "district_code", Dossiers.ViolationRules.CodeList, "The district code must be 3 digits."));
            formatOk = false;
        }

        if (location.CommuneCode is { } commune && !RegistryText.IsDigits(commune, 5))
        {
            problems.Add(new FieldProblem(prefix + "commune_code", Dossiers.ViolationRules.CodeList, "The commune code must be 5 digits."));
            formatOk = false;
        }

        var history = catalogues.AdministrativeUnits;
        if (!formatOk || history.On(location.EffectiveFrom) is not { } units)
        {
            return;
        }

        var on = RegistryText.Format(location.EffectiveFrom);
        if (units.FindProvince(location.ProvinceCode) is null)
        {
            var formed = units.ProvinceFormedFrom(location.ProvinceCode);
            problems.Add(new FieldProblem(prefix + "province_code", RegistryRules.UnknownProvince,
                $"Province {location.ProvinceCode} does not exist on {on}" + (formed is null ? "." : $"; it is part of province {formed}.")));
            return;
        }

        if (!units.HasDistricts)
        {
            ValidateAfterReform(location, units, history, on, problems, prefix);
            return;
        }

        if (location.DistrictCode is { } d && units.FindDistrict(d) is null)
        {
            problems.Add(new FieldProblem(prefix + "district_code", RegistryRules.DistrictNotInProvince,
                $"District {d} does not exist on {on}."));
            return;
        }

        if (location.DistrictCode is { } districtCode && units.FindDistrict(districtCode) is { } inProvince
            && inProvince.ProvinceCode != location.ProvinceCode)
        {
            problems.Add(new FieldProblem(prefix + "district_code", RegistryRules.DistrictNotInProvince,
                $"District {districtCode} is not in province {location.ProvinceCode} on {on}."));
            return;
        }

        if (location.CommuneCode is { } communeCode)
        {
            var inDistrict = units.FindCommune(communeCode);
            if (inDistrict is null || (location.DistrictCode is { } parent && inDistrict.Value.DistrictCode != parent)
                || (location.DistrictCode is null && units.FindDistrict(inDistrict.Value.DistrictCode)?.ProvinceCode != location.ProvinceCode))
            {
                problems.Add(new FieldProblem(prefix + "commune_code", RegistryRules.CommuneNotInDistrict,
                    $"Commune {communeCode} is not in {(location.DistrictCode is { } p ? "district " + p : "province " + location.ProvinceCode)} on {on}."));
            }
        }
    }

    private static void ValidateAfterReform(FacilityLocation location, Dossiers.Catalogues.AdministrativeUnitCatalogue units,
        Dossiers.Catalogues.AdministrativeUnitHistory history, string on, ICollection<FieldProblem> problems, string prefix)
    {
        if (location.DistrictCode is { } district)
        {
            var former = units.FormerProvinceCodes(location.ProvinceCode);
            var of = history.Lists.Where(l => l.HasDistricts).Select(l => l.FindDistrict(district)?.ProvinceCode).FirstOrDefault(p => p is not null);
            if (of is null || !former.Contains(of))
            {
                problems.Add(new FieldProblem(prefix + "district_code", RegistryRules.DistrictNotInProvince,
                    $"There are no districts on {on}; a district code is kept only as the former district, and {district} was not a district of the provinces that formed province {location.ProvinceCode} ({string.Join(", ", former)})."));
                return;
            }
        }

        if (location.CommuneCode is { } commune && units.ProvinceOfCommune(commune) != location.ProvinceCode)
        {
            problems.Add(new FieldProblem(prefix + "commune_code", RegistryRules.CommuneNotInDistrict,
                $"Commune {commune} is not in province {location.ProvinceCode} on {on}."));
        }
    }
}
