using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.Dossiers.Tests.Support;

/// <summary>The product's own catalogues (shipped beside the test binaries), each loaded once.</summary>
internal static class ReferenceData
{
    private static readonly Lazy<FieldRuleCatalogue> FieldsLazy = new(() => FieldRuleCatalogue.Load(PathOf(CatalogueFiles.FieldRulesQd4750)));
    private static readonly Lazy<IcdCatalogue> IcdLazy = new(() => IcdCatalogue.Load(PathOf(CatalogueFiles.Icd10)));
    private static readonly Lazy<IcdSexRestrictions> SexLazy = new(() =>
        IcdSexRestrictions.Load(PathOf(CatalogueFiles.Icd10FemaleOnly), PathOf(CatalogueFiles.Icd10MaleOnly)));

    public static FieldRuleCatalogue Fields => FieldsLazy.Value;

    public static IcdCatalogue Icd => IcdLazy.Value;

    public static IcdSexRestrictions SexRestrictions => SexLazy.Value;

    public static string PathOf(string fileName) => CatalogueFiles.Shipped(fileName);
}
