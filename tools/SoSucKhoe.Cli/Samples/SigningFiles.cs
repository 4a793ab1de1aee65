using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SoSucKhoe.Cli.Samples;

/// <summary>The PEM files of a signing certificate: an unencrypted PKCS#8 private key (owner only) and the certificate.</summary>
public static class SigningFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Loads a certificate with its private key from two PEM files, checking that they belong together.</summary>
    public static X509Certificate2 Load(string certificatePath, string keyPath)
    {
        foreach (var (path, what) in new[] { (certificatePath, "certificate"), (keyPath, "private key") })
        {
            if (!File.Exists(path))
            {
                throw new CliFailureException($"the {what} file '{path}' does not exist (make one with: {CliApp.Name} make-cert).");
            }
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new CliFailureException($"cannot use '{certificatePath}' with '{keyPath}': {exception.Message}", exception);
        }

        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            certificate.Dispose();
            throw new CliFailureException($"'{certificatePath}' is not an RSA certificate: the hub accepts RSA-SHA256 signatures only.");
        }

        return certificate;
    }

    /// <summary>Refuses to replace existing files unless <paramref name="force"/> is set.</summary>
    public static void EnsureWritable(bool force, params string[] paths)
    {
        foreach (var path in paths)
        {
            if (!force && File.Exists(path))
            {
                throw new CliFailureException($"'{path}' already exists; pass --force to replace it.");
            }
        }
    }

    /// <summary>Writes the private key as unencrypted PKCS#8 PEM, readable and writable by its owner only.</summary>
    public static void WritePrivateKey(string path, RSA key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Write(path, key.ExportPkcs8PrivateKeyPem() + "\n", ownerOnly: true);
    }

    /// <summary>Writes the certificate (public part) as PEM.</summary>
    public static void WriteCertificate(string path, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Write(path, certificate.ExportCertificatePem() + "\n", ownerOnly: false);
    }

    /// <summary>Writes a text file, replacing an earlier one; a private file is created with owner-only permissions.</summary>
    public static void Write(string path, string text, bool ownerOnly)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            // Deleted first so that a private file never keeps the permissions of the file it replaces.
            File.Delete(path);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (ownerOnly && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(path, options);
            stream.Write(Utf8.GetBytes(text));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliFailureException($"cannot write '{path}': {exception.Message}", exception);
        }
    }

    /// <summary>Writes a file's bytes, replacing an earlier one.</summary>
    public static void WriteBytes(string path, byte[] bytes)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllBytes(path, bytes);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliFailureException($"cannot write '{path}': {exception.Message}", exception);
        }
    }
}
