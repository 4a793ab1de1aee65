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
        ArgumentNullException.ThrowIfNull(options);
        var found = new List<string>();
        problems = found;
        var standards = Read(found, nameof(CatalogueOptions.Standards), options.Standards, CatalogueFiles.Standards,
            StandardCatalogue.Load, _ => null);
        var icd = Read(found, nameof(CatalogueOptions.Icd10), options.Icd10, CatalogueFiles.Icd10,
            IcdCatalogue.Load, codes => codes.Count == 0 ? "it holds no ICD-10 code" : null);
        var female = Read(found, nameof(CatalogueOptions.Icd10FemaleOnly), options.Icd10FemaleOnly, CatalogueFiles.Icd10FemaleOnly,
            path => IcdSexRestrictions.Load(path, null), list => list.FemaleOnlyCount == 0 ? "it holds no code" : null);
        var male = Read(found, nameof(CatalogueOptions.Icd10MaleOnly), options.Icd10MaleOnly, CatalogueFiles.Icd10MaleOnly,
            path => IcdSexRestrictions.Load(null, path), list => list.MaleOnlyCount == 0 ? "it holds no code" : null);
        var from = ReadDate(found, nameof(CatalogueOptions.AdministrativeUnitsValidFrom), options.AdministrativeUnitsValidFrom, required: true);
        var until = ReadDate(found, nameof(CatalogueOptions.AdministrativeUnitsValidUntil), options.AdministrativeUnitsValidUntil, required: false);
        if (from is { } f && until is { } u && u <= f)
        {
            found.Add($"{CatalogueOptions.SectionName}:{nameof(CatalogueOptions.AdministrativeUnitsValidUntil)} must be a date \"yyyy-MM-dd\" after {CatalogueOptions.SectionName}:{nameof(CatalogueOptions.AdministrativeUnitsValidFrom)}, not '{options.AdministrativeUnitsValidUntil}'.");
        }

        var units = from is not { } start ? null : Read(found, nameof(CatalogueOptions.AdministrativeUnits),
            options.AdministrativeUnits, CatalogueFiles.AdministrativeUnits2024,
            path => AdministrativeUnitCatalogue.Load(path, start, until),
            list => list.ProvinceCount == 0 ? "it holds no province" : null);
        var currentFrom = ReadDate(found, nameof(CatalogueOptions.CurrentAdministrativeUnitsValidFrom), options.CurrentAdministrativeUnitsValidFrom, required: true);
        var current = currentFrom is not { } currentStart ? null : Read(found, nameof(CatalogueOptions.CurrentAdministrativeUnits),
            options.CurrentAdministrativeUnits, CatalogueFiles.AdministrativeUnits2025,
            path => AdministrativeUnitCatalogue.Load(path, currentStart, null),
            list => list.ProvinceCount == 0 ? "it holds no province" : null);
        var changesFrom = ReadDate(found, nameof(CatalogueOptions.AdministrativeUnitChangesFrom), options.AdministrativeUnitChangesFrom, required: true);
        var changes = changesFrom is not { } changesStart ? null : Read(found, nameof(CatalogueOptions.AdministrativeUnitChanges),
            options.AdministrativeUnitChanges, CatalogueFiles.AdministrativeUnitChanges,
            path => AdministrativeUnitChanges.Load(path, changesStart), _ => null);
        var mapping = Read(found, nameof(CatalogueOptions.CommuneMapping), options.CommuneMapping, CatalogueFiles.CommuneMapping,
            CommuneMapping.Load, list => list.Count == 0 ? "it maps no commune" : null);
        var subjects = Read(found, nameof(CatalogueOptions.VisitSubjects), options.VisitSubjects, CatalogueFiles.VisitSubjects,
            path => DatedCodeList.Load("MA_DOITUONG_KCB", path), _ => null);
        var visitTypes = Read(found, nameof(CatalogueOptions.VisitTypes), options.VisitTypes, CatalogueFiles.VisitTypes,
            path => DatedCodeList.Load("MA_LOAI_KCB", path), list => list.Codes.Count == 0 ? "it holds no code" : null);
        var departments = Read(found, nameof(CatalogueOptions.Departments), options.Departments, CatalogueFiles.Departments,
            path => DatedCodeList.Load("MA_KHOA", path), _ => null);
        var sizes = Read(found, nameof(CatalogueOptions.FieldSizesByDate), options.FieldSizesByDate, CatalogueFiles.FieldSizesByDate,
            DatedFieldSizes.Load, _ => null);
        if (found.Count > 0 || standards is null || icd is null || female is null || male is null || units is null || current is null
            || changes is null || mapping is null || subjects is null || visitTypes is null || departments is null || sizes is null)
        {
            return null;
        }

        return new Catalogues(standards, icd, IcdSexRestrictions.Combine(female, male))
        {
            AdministrativeUnits = new AdministrativeUnitHistory([units, current], changes, mapping),
            CodeLists = [subjects, visitTypes, departments],
            FieldSizes = sizes,
        };
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

    private static DateOnly? ReadDate(List<string> problems, string setting, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value) && !required)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add($"{CatalogueOptions.SectionName}:{setting} must be a date \"yyyy-MM-dd\", not '{value}'.");
        return null;
    }
}
