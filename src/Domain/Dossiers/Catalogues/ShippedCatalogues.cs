using SoSucKhoe.Dossiers.Validation;

namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>
/// The product's own catalogues as shipped beside the running program (or in a folder laid out the same way), with the dates
/// the shipped files describe. For tools and tests; the hub loads the files its configuration names (and checks them at start).
/// The shipped ones are each loaded once, on first use.
/// </summary>
public static class ShippedCatalogues
{
    private static readonly Lazy<StandardCatalogue> StandardsLazy = new(() => LoadStandards(CatalogueFiles.ShippedDirectory));
    private static readonly Lazy<AdministrativeUnitHistory> UnitsLazy = new(() => LoadAdministrativeUnits(CatalogueFiles.ShippedDirectory));
    private static readonly Lazy<IReadOnlyList<DatedCodeList>> CodeListsLazy = new(() => LoadCodeLists(CatalogueFiles.ShippedDirectory));
    private static readonly Lazy<DatedFieldSizes> SizesLazy = new(() => LoadFieldSizes(CatalogueFiles.ShippedDirectory));

    /// <summary>The data standards (standards.csv and the field lists it names).</summary>
    public static StandardCatalogue Standards => StandardsLazy.Value;

    /// <summary>The administrative-unit lists of 2024 and 2025, the later changes and the Bình Phước commune conversion.</summary>
    public static AdministrativeUnitHistory AdministrativeUnits => UnitsLazy.Value;

    /// <summary>The dated code lists (MA_DOITUONG_KCB, MA_LOAI_KCB, MA_KHOA).</summary>
    public static IReadOnlyList<DatedCodeList> CodeLists => CodeListsLazy.Value;

    /// <summary>The sizes set by date (MUC_HUONG).</summary>
    public static DatedFieldSizes FieldSizes => SizesLazy.Value;

    /// <summary>Every shipped rule, ICD-10 excepted (pass it in when wanted).</summary>
    public static DossierRules Rules(IcdCatalogue? icd = null, IcdSexRestrictions? sexRestrictions = null) => new()
    {
        Standards = Standards,
        CodeLists = CodeLists,
        FieldSizes = FieldSizes,
        AdministrativeUnits = AdministrativeUnits,
        Icd = icd,
        SexRestrictions = sexRestrictions,
    };

    /// <summary>Every rule from a folder holding the catalogue files under their shipped names, ICD-10 included.</summary>
    public static DossierRules LoadRules(string directory) => new()
    {
        Standards = LoadStandards(directory),
        CodeLists = LoadCodeLists(directory),
        FieldSizes = LoadFieldSizes(directory),
        AdministrativeUnits = LoadAdministrativeUnits(directory),
        Icd = IcdCatalogue.Load(Path.Combine(directory, CatalogueFiles.Icd10)),
        SexRestrictions = IcdSexRestrictions.Load(Path.Combine(directory, CatalogueFiles.Icd10FemaleOnly),
            Path.Combine(directory, CatalogueFiles.Icd10MaleOnly)),
    };

    private static StandardCatalogue LoadStandards(string directory) => StandardCatalogue.Load(Path.Combine(directory, CatalogueFiles.Standards));

    private static AdministrativeUnitHistory LoadAdministrativeUnits(string directory) => new(
        [
            AdministrativeUnitCatalogue.Load(Path.Combine(directory, CatalogueFiles.AdministrativeUnits2024), CatalogueFiles.AdministrativeUnits2024From,
                CatalogueFiles.AdministrativeUnits2025From),
            AdministrativeUnitCatalogue.Load(Path.Combine(directory, CatalogueFiles.AdministrativeUnits2025), CatalogueFiles.AdministrativeUnits2025From, null),
        ],
        AdministrativeUnitChanges.Load(Path.Combine(directory, CatalogueFiles.AdministrativeUnitChanges), CatalogueFiles.AdministrativeUnitChangesFrom),
        CommuneMapping.Load(Path.Combine(directory, CatalogueFiles.CommuneMapping)));

    private static IReadOnlyList<DatedCodeList> LoadCodeLists(string directory) =>
    [
        DatedCodeList.Load("MA_DOITUONG_KCB", Path.Combine(directory, CatalogueFiles.VisitSubjects)),
        DatedCodeList.Load("MA_LOAI_KCB", Path.Combine(directory, CatalogueFiles.VisitTypes)),
        DatedCodeList.Load("MA_KHOA", Path.Combine(directory, CatalogueFiles.Departments)),
    ];

    private static DatedFieldSizes LoadFieldSizes(string directory) => DatedFieldSizes.Load(Path.Combine(directory, CatalogueFiles.FieldSizesByDate));
}
