using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Signatures;
using SoSucKhoe.Dossiers.Tests.Support;
using Xunit.Abstractions;

namespace SoSucKhoe.Dossiers.Tests;

/// <summary>
/// The single-core CPU cost of the intake's document work per dossier: reading the tables and verifying the signature, as the
/// hub does it for every SubmitDossier (issue 6 asks for this ceiling beside every load result). Process CPU time is measured,
/// so finalizer work caused by the verification (certificate handles) is counted. Run:
/// dotnet test tests/SoSucKhoe.Dossiers.Tests -c Release --filter Category=Benchmark --logger "console;verbosity=detailed"
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class SignatureVerificationBenchmark(ITestOutputHelper output)
{
    private const int Warmup = 200;
    private const int Iterations = 2_000;

    [Fact]
    public void Cost_of_reading_and_verifying_one_dossier_on_one_core()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Benchmark 70001", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var outpatient = DossierSigner.Sign(Fixtures.Outpatient().Build(), certificate);

        Report("read (DossierReader.ReadDossier)", outpatient, d => DossierReader.ReadDossier(d, DossierReaderOptions.Default).Violations.Count == 0);
        Report("verify, caller-owned certificate (Verify(document))", outpatient, d =>
        {
            var result = DossierSignatureVerifier.Verify(d);
            using var owned = result.Certificate;
            return result.IsValid;
        });
        var cache = new SigningCertificateCache();
        Report("verify before the fast path, cached certificate and key (SignedXml only)", outpatient,
            d => DossierSignatureVerifier.VerifyWithSignedXml(d, DossierReaderOptions.Default, cache).IsValid);
        Report("verify, fast path alone (TryVerifyFast)", outpatient,
            d => DossierSignatureVerifier.TryVerifyFast(d, DossierReaderOptions.Default, cache) is { IsValid: true });
        Report("verify, cached certificate and key (Verify(document, options, cache), fast path then SignedXml)", outpatient,
            d => DossierSignatureVerifier.Verify(d, DossierReaderOptions.Default, cache).IsValid);
        Assert.Equal(1, cache.Count);
    }

    private void Report(string name, byte[] document, Func<byte[], bool> work)
    {
        for (var i = 0; i < Warmup; i++)
        {
            Assert.True(work(document));
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Iterations; i++)
        {
            Assert.True(work(document));
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        output.WriteLine($"{name}: {document.Length} bytes, {clock.Elapsed.TotalMicroseconds / Iterations:F0} µs wall, " +
            $"{cpu.TotalMicroseconds / Iterations:F0} µs process CPU per dossier ({Iterations} iterations, finalizers included)");
    }
}
