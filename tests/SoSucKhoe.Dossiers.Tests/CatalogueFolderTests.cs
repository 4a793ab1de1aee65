using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.Dossiers.Tests;

/// <summary>
/// The repository stands on its own: the catalogues are the product's own files, described in catalogues/PROVENANCE.md, and
/// nothing the product, its tools, its tests or its scripts run reads a folder beside the repository.
/// </summary>
public sealed partial class CatalogueFolderTests
{
    private static readonly string Root = LocateRoot();

    [Fact]
    public void Nothing_in_the_repository_reads_the_reference_folder_beside_it()
    {
        // Built from parts so that this file does not find itself.
        var outside = new[] { ".." + "/shared", "shared" + "/reference" };
        var offenders = new List<string>();
        foreach (var folder in new[] { "src", "tools", "tests", "deploy", ".ci" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(Root, file);
                if (IsBuildOutput(relative) || !IsText(file))
                {
                    continue;
                }

                var lines = File.ReadAllLines(file);
                offenders.AddRange(lines
                    .Select((line, index) => (line, index))
                    .Where(l => outside.Any(o => l.line.Contains(o, StringComparison.Ordinal)))
                    .Select(l => $"{relative}:{l.index + 1}: {l.line.Trim()}"));
            }
        }

        offenders.AddRange(Directory.EnumerateFiles(Root, "*.sh")
            .Concat(Directory.EnumerateFiles(Root, "*.json"))
            .Where(f => outside.Any(o => File.ReadAllText(f).Contains(o, StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(Root, f)));
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData(CatalogueFiles.FieldRulesQd4750)]
    [InlineData(CatalogueFiles.FieldRulesQd3176)]
    [InlineData(CatalogueFiles.Icd10)]
    [InlineData(CatalogueFiles.Icd10FemaleOnly)]
    [InlineData(CatalogueFiles.Icd10MaleOnly)]
    [InlineData(CatalogueFiles.AdministrativeUnits2024)]
    [InlineData(CatalogueFiles.AdministrativeUnits2025)]
    [InlineData("admin-units-later-changes.csv")]
    [InlineData("bp-commune-mapping.csv")]
    [InlineData(CatalogueFiles.Standards)]
    [InlineData(CatalogueFiles.VisitSubjects)]
    [InlineData(CatalogueFiles.VisitTypes)]
    [InlineData(CatalogueFiles.Departments)]
    [InlineData(CatalogueFiles.FieldSizesByDate)]
    public void Each_catalogue_is_described_in_the_provenance_file_with_its_rows_and_hash(string fileName)
    {
        var provenance = File.ReadAllText(Path.Combine(Root, "catalogues", "PROVENANCE.md"));
        var path = Path.Combine(Root, "catalogues", fileName);
        using var reader = new StreamReader(path);
        var rows = CsvReader.ReadRecords(reader).Count() - 1;

        var row = provenance.Split('\n').Single(l => l.StartsWith($"| `{fileName}` |", StringComparison.Ordinal));
        Assert.Equal(rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), RowCount().Match(row).Groups[1].Value);
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        Assert.Contains($"{hash}  {fileName}", provenance, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_shipped_file_is_a_catalogue_of_the_repository()
    {
        var shipped = Directory.EnumerateFiles(CatalogueFiles.ShippedDirectory, "*.csv").Select(Path.GetFileName).Order().ToList();
        var owned = Directory.EnumerateFiles(Path.Combine(Root, "catalogues"), "*.csv").Select(Path.GetFileName).Order().ToList();

        Assert.Equal(owned, shipped);
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "TestResults");

    private static bool IsText(string file) =>
        Path.GetExtension(file) is ".cs" or ".csproj" or ".props" or ".targets" or ".json" or ".sh" or ".sql" or ".proto" or ".md" or ".yaml" or ".yml" or ".xml" or ""
        && !File.ReadAllBytes(file).Contains((byte)0);

    private static string LocateRoot()
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

    [GeneratedRegex(@"\| ([\d,]+) \|\s*$")]
    private static partial Regex RowCount();
}
