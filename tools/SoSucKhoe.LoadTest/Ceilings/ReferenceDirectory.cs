namespace SoSucKhoe.LoadTest.Ceilings;

/// <summary>
/// Finds the official reference data (field rules, ICD-10) without copying it: <c>--reference-dir</c>, else
/// SOSUCKHOE_REFERENCE_DIR, else the first <c>shared/reference</c> found walking up from the working directory or the binary.
/// </summary>
public static class ReferenceDirectory
{
    public const string FieldRules = "xml-fields-qd4750.csv";

    public static string? Find(string? configured, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        foreach (var candidate in new[] { configured, environment("SOSUCKHOE_REFERENCE_DIR") })
        {
            if (!string.IsNullOrWhiteSpace(candidate) && File.Exists(Path.Combine(candidate, FieldRules)))
            {
                return Path.GetFullPath(candidate);
            }
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var reference = Path.Combine(directory.FullName, "shared", "reference");
                if (File.Exists(Path.Combine(reference, FieldRules)))
                {
                    return reference;
                }
            }
        }

        return null;
    }
}
