using SoSucKhoe.Facilities;

namespace SoSucKhoe.Api.Facilities;

/// <summary>
/// Checks a facility location: the code formats always (province 2 digits, district 3, commune 5), and membership (district in
/// province, commune in district) only on days the configured administrative-unit list covers, because units are effective-dated
/// (the 2025 merger changed them) and a list says nothing about days outside its period.
/// </summary>
public sealed class FacilityLocationValidator(Catalogues catalogues)
{
    public void Validate(FacilityLocation location, ICollection<FieldProblem> problems, string prefix = "")
    {
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

        if (!formatOk || catalogues.AdministrativeUnits is not { } units || !units.Covers(location.EffectiveFrom))
        {
            return;
        }

        var on = RegistryText.Format(location.EffectiveFrom);
        if (units.FindProvince(location.ProvinceCode) is null)
        {
            problems.Add(new FieldProblem(prefix + "province_code", RegistryRules.UnknownProvince,
                $"Province {location.ProvinceCode} does not exist on {on}."));
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
}
