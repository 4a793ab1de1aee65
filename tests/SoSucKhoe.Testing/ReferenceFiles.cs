namespace SoSucKhoe.Testing;

/// <summary>
/// The official reference data in <c>../shared/reference</c> beside the repository, read from its path and never copied.
/// SOSUCKHOE_REFERENCE_DIR overrides the folder.
/// </summary>
public static class ReferenceFiles
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string Directory => Folder.Value;

    public static string FieldRules => Path.Combine(Directory, "xml-fields-qd4750.csv");

    public static string Icd10 => Path.Combine(Directory, "icd10-qd4469.csv");

    public static string Icd10FemaleOnly => Path.Combine(Directory, "icd10-female-only.csv");

    public static string Icd10MaleOnly => Path.Combine(Directory, "icd10-male-only.csv");

    /// <summary>The repository root (the folder that holds Orleans.SoSucKhoe.sln).</summary>
    public static string RepositoryRoot { get; } = LocateRepositoryRoot();

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("SOSUCKHOE_REFERENCE_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "reference"));
        return System.IO.Directory.Exists(candidate)
            ? candidate
            : throw new DirectoryNotFoundException(
                $"The reference data folder was not found at {candidate}; set SOSUCKHOE_REFERENCE_DIR.");
    }

    private static string LocateRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Orleans.SoSucKhoe.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (Orleans.SoSucKhoe.sln) was not found above the test folder.");
    }
}
