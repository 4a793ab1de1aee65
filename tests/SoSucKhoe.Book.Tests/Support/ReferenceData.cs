using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.Book.Tests.Support;

/// <summary>
/// The official reference data in <c>../shared/reference</c> beside the repository, read from its path and never copied.
/// SOSUCKHOE_REFERENCE_DIR overrides the folder.
/// </summary>
public static class ReferenceData
{
    private static readonly Lazy<string> Folder = new(Locate);
    private static readonly Lazy<IcdCatalogue> Catalogue = new(() => IcdCatalogue.Load(Path.Combine(Folder.Value, "icd10-qd4469.csv")));

    /// <summary>The Ministry's ICD-10 catalogue (QĐ 4469/QĐ-BYT), loaded once.</summary>
    public static IcdCatalogue Icd10 => Catalogue.Value;

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("SOSUCKHOE_REFERENCE_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "reference");
            if (Directory.Exists(candidate) && Directory.Exists(Path.Combine(folder.FullName, "main")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The reference data folder (<repo>/../shared/reference) was not found; set SOSUCKHOE_REFERENCE_DIR.");
    }
}
