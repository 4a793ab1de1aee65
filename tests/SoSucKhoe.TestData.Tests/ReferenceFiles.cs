namespace SoSucKhoe.TestData.Tests;

/// <summary>
/// Locates the read-only reference folder: $SOSUCKHOE_REFERENCE_DIR, else &lt;repo&gt;/../shared/reference
/// found by walking up from the test binaries.
/// </summary>
internal static class ReferenceFiles
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string FieldsCsv => Path.Combine(Root.Value, "xml-fields-qd4750.csv");

    public static string AdministrativeUnitsCsv => Path.Combine(Root.Value, "admin-units-2024-06-11.csv");

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SOSUCKHOE_REFERENCE_DIR");
        if (!string.IsNullOrWhiteSpace(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Reference folder not found; set SOSUCKHOE_REFERENCE_DIR.");
    }
}
