using System.Security.Cryptography;

namespace SoSucKhoe.Silo.Security.Audit;

/// <summary>
/// For the embedded profile: keeps the audit subject hash key in a file (created once, readable by the owner only), so that a
/// single node needs no secret store and the key survives restarts.
/// </summary>
public static class AuditSubjectKeyFile
{
    /// <summary>The file name used beside the database.</summary>
    public const string DefaultFileName = "audit-subject.key";

    /// <summary>Reads the key from <paramref name="path"/>, or creates the file with a new random 256-bit key.</summary>
    public static string LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            TryCreate(fullPath, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        var key = File.ReadAllText(fullPath).Trim();
        if (key.Length < AuditSubjectProtector.MinimumSecretLength)
        {
            throw new InvalidOperationException(
                $"The audit subject key file '{fullPath}' holds fewer than {AuditSubjectProtector.MinimumSecretLength} characters.");
        }

        return key;
    }

    private static void TryCreate(string fullPath, string key)
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
            writer.Write(key);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(fullPath))
        {
            // Another process created it first: use theirs.
        }
    }
}
