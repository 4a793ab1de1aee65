using System.Globalization;
using System.Net;

namespace SoSucKhoe.DemoSeed;

/// <summary>What the seed loads and where (command line: see <see cref="Usage"/>).</summary>
public sealed record DemoSeedOptions
{
    /// <summary>The number of the demo's first facility: its codes are {province}600 to {province}999, apart from the low numbers
    /// (70001, 70002, …) a person registers first, e.g. in the README's "Try it".</summary>
    public const int FirstFacilityNumber = 600;

    /// <summary>The most facilities the demo's code range holds.</summary>
    public const int MaxFacilities = 1000 - FirstFacilityNumber;

    public const string Usage = """
        usage: dotnet run --project tools/SoSucKhoe.DemoSeed -- [options]
          --hub URL              the hub's gRPC address, loopback only (default http://127.0.0.1:5080)
          --admin-key-file PATH  file holding an admin key (default src/Silo/data/admin.key)
          --admin-key KEY        the admin key itself (or SOSUCKHOE_ADMIN_KEY); wins over the file
          --province CODE        2-digit code of a province of today (default 75, the new Đồng Nai); its facilities are spread
                                 over the provinces it was formed from (70 and 75) and placed in today's communes
          --facilities N         facilities to create, 1-400 (default 170)
          --dossiers N           production dossiers per live facility (default 6)
          --seed N               seed of the synthetic province (default 70)
          --parallelism N        facilities set up at once (default 8)

        The demo's facilities have the codes {former province}600 onwards (70600-70684 and 75600-75684 by default) and names ending in
        "(mô phỏng, demo seed)". The seed never changes a facility it did not create: when a code of its range is taken by
        another facility it changes nothing and exits with code 3. Exit codes: 0 done, 1 some facilities failed, 2 wrong
        options or no admin key, 3 refused.
        """;

    public Uri Hub { get; init; } = new("http://127.0.0.1:5080");

    public string? AdminKey { get; init; }

    public string AdminKeyFile { get; init; } = Path.Combine("src", "Silo", "data", "admin.key");

    public string ProvinceCode { get; init; } = "75";

    public int Facilities { get; init; } = 170;

    public int DossiersPerLiveFacility { get; init; } = 6;

    public int Seed { get; init; } = 70;

    public int Parallelism { get; init; } = 8;

    /// <summary>Reads the command line; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static DemoSeedOptions Parse(IReadOnlyList<string> args, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var options = new DemoSeedOptions { AdminKey = environment("SOSUCKHOE_ADMIN_KEY") };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--hub" => options with { Hub = Uri.TryCreate(Value(), UriKind.Absolute, out var hub) ? hub : throw new ArgumentException("--hub must be an absolute URL.") },
                "--admin-key" => options with { AdminKey = Value() },
                "--admin-key-file" => options with { AdminKeyFile = Value() },
                "--province" => options with { ProvinceCode = Value() },
                "--facilities" => options with { Facilities = Number(name, Value(), 1, MaxFacilities) },
                "--dossiers" => options with { DossiersPerLiveFacility = Number(name, Value(), 0, 1000) },
                "--seed" => options with { Seed = Number(name, Value(), 0, int.MaxValue) },
                "--parallelism" => options with { Parallelism = Number(name, Value(), 1, 64) },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        if (options.ProvinceCode is not { Length: 2 } || !options.ProvinceCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("--province must be 2 digits.");
        }

        if (!IsLoopback(options.Hub))
        {
            throw new ArgumentException("--hub must be a loopback address (127.0.0.1, ::1 or localhost): the seed writes synthetic data only to a local hub.");
        }

        return options;
    }

    /// <summary>Where the admin key comes from, for the start line (never the key itself).</summary>
    public string AdminKeySource => string.IsNullOrWhiteSpace(AdminKey) ? $"the file {AdminKeyFile}" : "--admin-key or SOSUCKHOE_ADMIN_KEY";

    /// <summary>True when the address names this machine.</summary>
    public static bool IsLoopback(Uri address) =>
        string.Equals(address.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(address.IdnHost.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>The admin key: given, or read from the key file.</summary>
    public string ReadAdminKey()
    {
        if (!string.IsNullOrWhiteSpace(AdminKey))
        {
            return AdminKey.Trim();
        }

        var path = Resolve(AdminKeyFile) ?? throw new ArgumentException(
            $"No admin key: the file '{AdminKeyFile}' does not exist. Start the hub once (it writes src/Silo/data/admin.key) or pass --admin-key.");
        return File.ReadAllText(path).Trim();
    }

    /// <summary>A relative path is looked up from the working directory, then from each folder above the tool's own folder.</summary>
    public static string? Resolve(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return File.Exists(path) ? path : null;
        }

        if (File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, path);
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{name} must be a whole number between {min} and {max}.");
}
