using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SoSucKhoe.TestData.Tests;

public sealed class CertificateTests
{
    [Fact]
    public void Facility_certificate_is_self_signed_rsa_2048_with_private_key_and_names_the_facility()
    {
        var cert = FacilityCertificates.For("70001");
        Assert.True(cert.HasPrivateKey);
        Assert.Contains("70001", cert.Subject);
        Assert.Equal(cert.Subject, cert.Issuer);
        using var key = cert.GetRSAPublicKey();
        Assert.Equal(2048, key!.KeySize);
    }

    [Fact]
    public void Keys_are_cached_per_facility_and_differ_between_facilities()
    {
        var a = FacilityCertificates.For(Scenario.Hospital);
        var again = FacilityCertificates.Create(Scenario.Hospital.Code, DateTimeOffset.UtcNow.AddYears(-3), DateTimeOffset.UtcNow.AddYears(-2));
        var other = FacilityCertificates.For(Scenario.CommuneStation);
        Assert.Equal(a.GetPublicKey(), again.GetPublicKey());
        Assert.NotEqual(a.GetPublicKey(), other.GetPublicKey());
    }

    [Fact]
    public void Validity_window_is_configurable_for_expired_and_not_yet_valid_cases()
    {
        var now = DateTimeOffset.UtcNow;
        var expired = FacilityCertificates.Create("70001", now.AddYears(-2), now.AddDays(-1));
        var future = FacilityCertificates.Create("70001", now.AddDays(10), now.AddYears(1));
        Assert.True(expired.NotAfter.ToUniversalTime() < now.UtcDateTime);
        Assert.True(future.NotBefore.ToUniversalTime() > now.UtcDateTime);
    }

    [Fact]
    public void Export_writes_pem_certificate_pem_key_and_pfx_that_load_back()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sosuckhoe-certs-" + Guid.NewGuid().ToString("N"));
        try
        {
            var cert = FacilityCertificates.For("70001");
            var files = FacilityCertificates.Export(cert, folder, "70001");
            var fromPem = X509Certificate2.CreateFromPemFile(files.CertificatePemPath, files.PrivateKeyPemPath);
            Assert.True(fromPem.HasPrivateKey);
            Assert.Equal(cert.Thumbprint, fromPem.Thumbprint);
            var fromPfx = X509CertificateLoader.LoadPkcs12FromFile(files.PfxPath, files.PfxPassword);
            Assert.Equal(cert.Thumbprint, fromPfx.Thumbprint);
            Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(files.CertificatePemPath));
            Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(files.PrivateKeyPemPath));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Certificate_key_signs_with_rsa_sha256()
    {
        var cert = FacilityCertificates.For("70001");
        using var key = cert.GetRSAPrivateKey()!;
        var data = "x"u8.ToArray();
        var signature = key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var pub = cert.GetRSAPublicKey()!;
        Assert.True(pub.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }
}
