using System.Security.Cryptography;
using System.Text;

namespace SoSucKhoe.GatewayEmulator;

/// <summary>
/// The control key of the standalone emulator: the one it is given, or its own, kept in a file so that the tools that drive it
/// (the load tool, a drill) can read it, as they read the hub's admin key.
/// </summary>
public static class EmulatorAdminKey
{
    /// <summary>
    /// <paramref name="configured"/> when it is set; otherwise the key in <paramref name="file"/>; otherwise a new random key
    /// written to <paramref name="file"/> (created readable and writable by its owner only). <paramref name="created"/> tells
    /// whether the file was written.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file exists but holds no key.</exception>
    public static string Resolve(string? configured, string file, out bool created)
    {
        created = false;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var path = Path.GetFullPath(file);
        if (File.Exists(path))
        {
            var stored = File.ReadAllText(path).Trim();
            return stored.Length > 0 ? stored : throw new InvalidOperationException($"The emulator's key file '{path}' is empty.");
        }

        if (Path.GetDirectoryName(path) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var key = "emu_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(Encoding.ASCII.GetBytes(key + "\n"));
        }

        created = true;
        return key;
    }

    /// <summary>True when <paramref name="authorization"/> is <c>Bearer &lt;key&gt;</c> for <paramref name="key"/> (constant time).</summary>
    public static bool Matches(string key, string? authorization)
    {
        ArgumentNullException.ThrowIfNull(key);
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(key);
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }
}
