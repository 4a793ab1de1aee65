using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.Book.Tests.Support;

/// <summary>The product's own ICD-10 catalogue (shipped beside the test binaries), loaded once.</summary>
public static class ReferenceData
{
    private static readonly Lazy<IcdCatalogue> Catalogue = new(() => IcdCatalogue.Load(CatalogueFiles.Shipped(CatalogueFiles.Icd10)));

    /// <summary>The Ministry's ICD-10 catalogue (QĐ 4469/QĐ-BYT), loaded once.</summary>
    public static IcdCatalogue Icd10 => Catalogue.Value;
}
