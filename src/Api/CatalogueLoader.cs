using System.Globalization;
using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.Api;

/// <summary>
/// Loads and checks every catalogue before the hub starts: a hub that cannot validate a dossier must not start, and an operator
/// who mistyped a path or dropped in a damaged file gets one line per problem naming the setting and the file.
/// </summary>
public static class CatalogueLoader
{
    /// <summary>Loads the catalogues the options name; on any problem returns null and one line per problem.</summary>
    public static Catalogues? Load(CatalogueOptions options, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        var fieldRules = Read(found, nameof(CatalogueOptions.FieldRules), options.FieldRules, CatalogueFiles.FieldRulesQd4750,
            FieldRuleCatalogue.Load, rules => rules.GetTableRules("XML1").Count == 0 ? "it has no rule for table XML1" : null);
        var icd = Read(found, nameof(CatalogueOptions.Icd10), options.Icd10, CatalogueFiles.Icd10,
            IcdCatalogue.Load, codes => codes.Count == 0 ? "it holds no ICD-10 code" : null);
        var female = Read(found, nameof(CatalogueOptions.Icd10FemaleOnly), options.Icd10FemaleOnly, CatalogueFiles.Icd10FemaleOnly,
            path => IcdSexRestrictions.Load(path, null), list => list.FemaleOnlyCount == 0 ? "it holds no code" : null);
        var male = Read(found, nameof(CatalogueOptions.Icd10MaleOnly), options.Icd10MaleOnly, CatalogueFiles.Icd10MaleOnly,
            path => IcdSexRestrictions.Load(null, path), list => list.MaleOnlyCount == 0 ? "it holds no code" : null);
        var period = ReadPeriod(found, options);
        var units = period is not { } valid ? null : Read(found, nameof(CatalogueOptions.AdministrativeUnits),
            options.AdministrativeUnits, CatalogueFiles.AdministrativeUnits2024,
            path => AdministrativeUnitCatalogue.Load(path, valid.From, valid.Until),
            list => list.ProvinceCount == 0 ? "it holds no province" : null);
        if (found.Count > 0 || fieldRules is null || icd is null || female is null || male is null || units is null)
        {
            return null;
        }

        return new Catalogues(fieldRules, icd, IcdSexRestrictions.Combine(female, male)) { AdministrativeUnits = units };
    }

    private static T? Read<T>(List<string> problems, string setting, string? configured, string shipped, Func<string, T> load,
        Func<T, string?> check)
        where T : class
    {
        var path = CatalogueOptions.PathOf(configured, shipped);
        var name = $"{CatalogueOptions.SectionName}:{setting}";
        if (!File.Exists(path))
        {
            problems.Add($"{name}: the file {path} does not exist.");
            return null;
        }

        try
        {
            var catalogue = load(path);
            if (check(catalogue) is { } wrong)
            {
                problems.Add($"{name}: the file {path} is not a usable catalogue: {wrong}.");
                return null;
            }

            return catalogue;
        }
        catch (Exception exception) when (exception is FormatException or IOException or UnauthorizedAccessException
            or System.Text.DecoderFallbackException)
        {
            problems.Add($"{name}: the file {path} is malformed: {exception.Message}");
            return null;
        }
    }

    private static (DateOnly From, DateOnly? Until)? ReadPeriod(List<string> problems, CatalogueOptions options)
    {
        const string prefix = CatalogueOptions.SectionName + ":";
        if (!DateOnly.TryParseExact(options.AdministrativeUnitsValidFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var from))
        {
            problems.Add($"{prefix}{nameof(CatalogueOptions.AdministrativeUnitsValidFrom)} must be a date \"yyyy-MM-dd\", not '{options.AdministrativeUnitsValidFrom}'.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(options.AdministrativeUnitsValidUntil))
        {
            return (from, null);
        }

        if (!DateOnly.TryParseExact(options.AdministrativeUnitsValidUntil, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var until) || until <= from)
        {
            problems.Add($"{prefix}{nameof(CatalogueOptions.AdministrativeUnitsValidUntil)} must be a date \"yyyy-MM-dd\" after {prefix}{nameof(CatalogueOptions.AdministrativeUnitsValidFrom)}, not '{options.AdministrativeUnitsValidUntil}'.");
            return null;
        }

        return (from, until);
    }
}
