using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.TestData.Tests;

/// <summary>The product's own catalogues, shipped beside the test binaries.</summary>
internal static class ReferenceFiles
{
    public static string FieldsCsv => CatalogueFiles.Shipped(CatalogueFiles.FieldRulesQd4750);

    public static string AdministrativeUnitsCsv => CatalogueFiles.Shipped(CatalogueFiles.AdministrativeUnits2024);
}
