namespace SoSucKhoe.Testing;

/// <summary>The repository the tests run from.</summary>
public static class Repository
{
    /// <summary>The repository root (the folder that holds Orleans.SoSucKhoe.sln).</summary>
    public static string Root { get; } = Locate();

    /// <summary>The product's catalogue folder (<c>catalogues/</c>).</summary>
    public static string Catalogues => Path.Combine(Root, "catalogues");

    private static string Locate()
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
