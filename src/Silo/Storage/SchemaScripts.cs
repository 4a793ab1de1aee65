namespace SoSucKhoe.Silo.Storage;

/// <summary>
/// The schema scripts we own (deploy/sql/&lt;dialect&gt;/*.sql). The Silo project copies them to
/// <c>sql/&lt;dialect&gt;/</c> in the output folder; they are idempotent and applied, in file-name order, at every start.
/// </summary>
internal static class SchemaScripts
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";

    /// <summary>Reads every script of <paramref name="dialect"/>, ordered by file name.</summary>
    /// <exception cref="FileNotFoundException">No script is deployed for the dialect.</exception>
    public static IReadOnlyList<string> Read(string dialect, string? baseDirectory = null)
    {
        var folder = Path.Combine(baseDirectory ?? AppContext.BaseDirectory, "sql", dialect);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.sql") : [];
        if (files.Length == 0)
        {
            throw new FileNotFoundException(
                $"No {dialect} schema script in '{folder}'. The Silo build copies deploy/sql/{dialect}/*.sql there.");
        }

        Array.Sort(files, StringComparer.Ordinal);
        return [.. files.Select(File.ReadAllText)];
    }
}
