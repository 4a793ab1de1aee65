using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.Dossiers.Tests.Support;

/// <summary>
/// Locates the official reference files (never copied into the repository) and loads each catalogue once.
/// SOSUCKHOE_REFERENCE_DIR overrides the search; otherwise the nearest ancestor folder with shared/reference is used.
/// </summary>
internal static class ReferenceData
{
    private static readonly Lazy<string> Directory = new(Locate);
    private static readonly Lazy<FieldRuleCatalogue> FieldsLazy = new(() => FieldRuleCatalogue.Load(PathOf("xml-fields-qd4750.csv")));
    private static readonly Lazy<IcdCatalogue> IcdLazy = new(() => IcdCatalogue.Load(PathOf("icd10-qd4469.csv")));
    private static readonly Lazy<IcdSexRestrictions> SexLazy = new(() => IcdSexRestrictions.Load(PathOf("icd10-female-only.csv"), PathOf("icd10-male-only.csv")));

    public static FieldRuleCatalogue Fields => FieldsLazy.Value;

    public static IcdCatalogue Icd => IcdLazy.Value;

    public static IcdSexRestrictions SexRestrictions => SexLazy.Value;

    public static string PathOf(string fileName) => Path.Combine(Directory.Value, fileName);

    private static string Locate()
    {
        var overridden = Environment.GetEnvironmentVariable("SOSUCKHOE_REFERENCE_DIR");
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return overridden;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("The reference folder (../shared/reference beside the repository) was not found; set SOSUCKHOE_REFERENCE_DIR.");
    }
}
