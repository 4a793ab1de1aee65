using System.Security.Cryptography.X509Certificates;

namespace SoSucKhoe.Cli.Tests;

/// <summary><c>make-cert</c>: a self-signed RSA-2048 signing certificate and its PKCS#8 key, the key readable by its owner only.</summary>
public sealed class MakeCertTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task It_writes_a_self_signed_RSA_2048_certificate_for_the_facility_and_an_owner_only_PKCS8_key()
    {
        var result = await Tool.RunAsync("make-cert", "--facility", "70001", "--key", _folder["signer.key"], "--cert", _folder["signer.crt"], "--days", "30");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var keyText = Tool.Text(_folder["signer.key"]);
        var certificateText = Tool.Text(_folder["signer.crt"]);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", keyText, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", certificateText, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", certificateText, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_folder["signer.key"]));
        }

        using var certificate = X509Certificate2.CreateFromPemFile(_folder["signer.crt"], _folder["signer.key"]);
        using var key = certificate.GetRSAPrivateKey();
        Assert.Equal(2048, key!.KeySize);
        Assert.Equal(certificate.Subject, certificate.Issuer);
        Assert.Contains("70001", certificate.Subject, StringComparison.Ordinal);
        Assert.InRange(certificate.NotBefore.ToUniversalTime(), DateTime.UtcNow.AddDays(-2), DateTime.UtcNow);
        Assert.InRange(certificate.NotAfter.ToUniversalTime(), DateTime.UtcNow.AddDays(29), DateTime.UtcNow.AddDays(31));
        Assert.Contains(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_replaces_existing_files_only_with_force()
    {
        string[] args = ["make-cert", "--facility", "70001", "--key", _folder["signer.key"], "--cert", _folder["signer.crt"]];
        await Tool.RunAsync(args);
        var first = Tool.Text(_folder["signer.crt"]);

        var refused = await Tool.RunAsync(args);
        var unchanged = Tool.Text(_folder["signer.crt"]);
        var forced = await Tool.RunAsync([.. args, "--force"]);

        Assert.Equal(ExitCodes.Failed, refused.ExitCode);
        Assert.Contains("already exists; pass --force to replace it", refused.Error, StringComparison.Ordinal);
        Assert.Equal(first, unchanged);
        Assert.Equal(ExitCodes.Ok, forced.ExitCode);
        Assert.NotEqual(first, Tool.Text(_folder["signer.crt"]));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_folder["signer.key"]));
        }
    }
}
