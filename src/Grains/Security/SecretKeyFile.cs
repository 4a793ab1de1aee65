using System.Security.Cryptography;

namespace SoSucKhoe.Grains.Security;

/// <summary>Reads, or creates once, a file holding a random 256-bit key in base64, readable by its owner only.</summary>
public static class SecretKeyFile
{
    /// <summary>The file name used beside the database in the embedded profile.</summary>
    public const string DefaultFileName = "secrets.key";

    /// <summary>Reads the key in <paramref name="path"/>; when <paramref name="create"/> and the file is missing, creates it first.</summary>
    /// <exception cref="InvalidOperationException">The file is missing (and not created) or does not hold a 256-bit base64 key.</exception>
    public static byte[] Load(string path, bool create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            if (!create)
            {
                throw new InvalidOperationException($"The secrets key file '{fullPath}' does not exist.");
            }

            TryCreate(fullPath);
        }

        return SecretProtector.DecodeKey(File.ReadAllText(fullPath).Trim(), $"the secrets key file '{fullPath}'");
    }

    private static void TryCreate(string fullPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(fullPath, options);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretProtector.KeySize)));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(fullPath))
        {
            // Another process created it first: use theirs.
        }
    }
}
