using System.Globalization;
using System.Security.Cryptography;
using SoSucKhoe.TestData;

namespace SoSucKhoe.Cli.Samples;

/// <summary><c>make-cert</c>: a self-signed RSA-2048 test signing certificate for one facility, as two PEM files.</summary>
public sealed class MakeCertCommand : ICliCommand
{
    private static readonly string[] Valued = ["--facility", "--key", "--cert", "--days"];
    private static readonly string[] Switches = ["--force"];

    /// <inheritdoc />
    public string Name => "make-cert";

    /// <inheritdoc />
    public string Summary => "a test signing certificate for a facility (RSA 2048, self-signed, PEM)";

    /// <inheritdoc />
    public string Usage => $"""
        usage: {CliApp.Name} make-cert --facility CODE --key signer.key --cert signer.crt [--days 3650] [--force]

        Makes a self-signed RSA-2048 certificate for signing the facility's dossiers (for tests and trials: a real facility
        signs with the certificate of its digital-signature provider). Register the certificate with
        Facilities/AddSigningCertificate; keep the key with the HIS.

          --facility CODE   MA_CSKCB of the facility, e.g. 70001 (it goes into the certificate's subject)
          --key PATH        where to write the private key: unencrypted PKCS#8 PEM, readable by its owner only
          --cert PATH       where to write the certificate: PEM, public part only
          --days N          validity in days from yesterday on, 1-36500 (default 3650)
          --force           replace existing files

        """;

    /// <inheritdoc />
    public Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var options = CommandOptions.Parse(args, Valued, Switches);
        options.AtMostPositionals(0);
        var facility = SampleOptions.Facility(options);
        var keyPath = options.Required("--key");
        var certificatePath = options.Required("--cert");
        var days = options.Number("--days", 3650, 1, 36_500);
        if (Path.GetFullPath(keyPath) == Path.GetFullPath(certificatePath))
        {
            throw new UsageException("--key and --cert must be different files.");
        }

        SigningFiles.EnsureWritable(options.Flag("--force"), keyPath, certificatePath);
        using var key = RSA.Create(2048);
        // Valid from yesterday, so that a hub whose clock is a little behind accepts it at once.
        var notBefore = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1), TimeSpan.Zero);
        using var certificate = FacilityCertificates.Create(facility, key, notBefore, notBefore.AddDays(days + 1));
        SigningFiles.WritePrivateKey(keyPath, key);
        SigningFiles.WriteCertificate(certificatePath, certificate);

        var output = context.Console.Out;
        output.WriteLine($"certificate {certificatePath} for facility {facility}: {certificate.Subject}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  valid {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd} to {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd} (UTC), SHA-256 thumbprint {certificate.GetCertHashString(HashAlgorithmName.SHA256)}"));
        output.WriteLine($"private key {keyPath} (PKCS#8 PEM, owner only): keep it with the HIS, never send it");
        return Task.FromResult(ExitCodes.Ok);
    }
}
