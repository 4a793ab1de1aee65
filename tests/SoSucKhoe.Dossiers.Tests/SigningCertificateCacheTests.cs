using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Signatures;
using SoSucKhoe.Dossiers.Tests.Support;
using FacilityCertificates = SoSucKhoe.TestData.FacilityCertificates;

namespace SoSucKhoe.Dossiers.Tests;

/// <summary>The certificate/key cache of signature verification: same outcomes as before, one parse per certificate.</summary>
public sealed class SigningCertificateCacheTests
{
    private static readonly Lazy<X509Certificate2> First = new(() => FacilityCertificates.For("70011"));
    private static readonly Lazy<X509Certificate2> Second = new(() => FacilityCertificates.For("70012"));
    private static readonly Lazy<X509Certificate2> Third = new(() => FacilityCertificates.For("70013"));

    private static byte[] Signed(X509Certificate2 certificate) => DossierSigner.Sign(Fixtures.Outpatient().Build(), certificate);

    private static byte[] Edit(byte[] document, string from, string to)
    {
        var text = Encoding.UTF8.GetString(document);
        Assert.Contains(from, text);
        return Encoding.UTF8.GetBytes(text.Replace(from, to));
    }

    [Fact]
    public void Cached_verification_parses_a_certificate_once_and_shares_it()
    {
        var cache = new SigningCertificateCache();
        var document = Signed(First.Value);

        var one = DossierSignatureVerifier.Verify(document, DossierReaderOptions.Default, cache);
        var two = DossierSignatureVerifier.Verify(document, DossierReaderOptions.Default, cache);

        Assert.Equal(SignatureStatus.Valid, one.Status);
        Assert.Equal(SignatureStatus.Valid, two.Status);
        Assert.Same(one.Certificate, two.Certificate);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Thumbprint_is_the_SHA256_of_the_signing_certificate()
    {
        var result = DossierSignatureVerifier.Verify(Signed(First.Value), DossierReaderOptions.Default, new SigningCertificateCache());
        Assert.Equal(First.Value.GetCertHashString(HashAlgorithmName.SHA256), result.Thumbprint);
        Assert.Equal(First.Value.GetCertHashString(HashAlgorithmName.SHA256), result.Certificate!.GetCertHashString(HashAlgorithmName.SHA256));
    }

    [Fact]
    public void Plain_verification_hands_the_caller_a_certificate_of_its_own()
    {
        var document = Signed(First.Value);
        var one = DossierSignatureVerifier.Verify(document);
        one.Certificate!.Dispose();

        // Disposing the caller's copy must not break later verifications that share the cached key.
        var two = DossierSignatureVerifier.Verify(document);
        using var owned = two.Certificate;
        Assert.Equal(SignatureStatus.Valid, two.Status);
        Assert.NotSame(one.Certificate, two.Certificate);
        Assert.Equal(First.Value.Thumbprint, owned!.Thumbprint);
    }

    [Fact]
    public void Tampered_document_is_invalid_even_when_its_certificate_is_cached()
    {
        var cache = new SigningCertificateCache();
        var document = Signed(First.Value);
        Assert.True(DossierSignatureVerifier.Verify(document, DossierReaderOptions.Default, cache).IsValid);

        var altered = Edit(document, "<NGAYLAP>20250310</NGAYLAP>", "<NGAYLAP>20250311</NGAYLAP>");
        Assert.Equal(SignatureStatus.Invalid, DossierSignatureVerifier.Verify(altered, DossierReaderOptions.Default, cache).Status);
    }

    [Fact]
    public void A_cached_certificate_swapped_into_KeyInfo_does_not_verify_another_key_signature()
    {
        var cache = new SigningCertificateCache();
        Assert.True(DossierSignatureVerifier.Verify(Signed(Second.Value), DossierReaderOptions.Default, cache).IsValid);

        var swapped = Edit(Signed(First.Value), Convert.ToBase64String(First.Value.RawData), Convert.ToBase64String(Second.Value.RawData));
        var result = DossierSignatureVerifier.Verify(swapped, DossierReaderOptions.Default, cache);
        Assert.Equal(SignatureStatus.Invalid, result.Status);
        Assert.Equal(Second.Value.GetCertHashString(HashAlgorithmName.SHA256), result.Thumbprint);
    }

    [Fact]
    public void Cache_stays_within_its_capacity_and_still_verifies_every_certificate()
    {
        var cache = new SigningCertificateCache(capacity: 2);
        foreach (var certificate in new[] { First.Value, Second.Value, Third.Value, First.Value })
        {
            Assert.True(DossierSignatureVerifier.Verify(Signed(certificate), DossierReaderOptions.Default, cache).IsValid);
            Assert.InRange(cache.Count, 1, 2);
        }
    }

    [Fact]
    public void Concurrent_verifications_share_one_key_and_agree_with_sequential_ones()
    {
        var cache = new SigningCertificateCache();
        var valid = Signed(First.Value);
        var altered = Edit(valid, "<NGAYLAP>20250310</NGAYLAP>", "<NGAYLAP>20250311</NGAYLAP>");
        var outcomes = new SignatureStatus[400];
        Parallel.For(0, outcomes.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => outcomes[i] = DossierSignatureVerifier.Verify(i % 2 == 0 ? valid : altered, DossierReaderOptions.Default, cache).Status);

        for (var i = 0; i < outcomes.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? SignatureStatus.Valid : SignatureStatus.Invalid, outcomes[i]);
        }

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void KeyInfo_without_a_certificate_is_refused_as_certificate_missing()
    {
        var signed = Signed(First.Value);
        var text = Encoding.UTF8.GetString(signed);
        var start = text.IndexOf("<X509Data>", StringComparison.Ordinal);
        var end = text.IndexOf("</X509Data>", StringComparison.Ordinal) + "</X509Data>".Length;
        Assert.True(start > 0 && end > start);
        var stripped = Encoding.UTF8.GetBytes(text.Remove(start, end - start));

        var result = DossierSignatureVerifier.Verify(stripped, DossierReaderOptions.Default, new SigningCertificateCache());
        Assert.Equal(SignatureStatus.CertificateMissing, result.Status);
        Assert.Null(result.Certificate);
    }

    [Fact]
    public void Certificate_that_is_not_base64_is_refused_as_malformed()
    {
        var broken = Edit(Signed(First.Value), Convert.ToBase64String(First.Value.RawData), "not*base64*at*all");
        Assert.Equal(SignatureStatus.Malformed, DossierSignatureVerifier.Verify(broken, DossierReaderOptions.Default, new SigningCertificateCache()).Status);
    }

    [Fact]
    public void Certificate_bytes_that_are_not_a_certificate_are_refused_as_malformed()
    {
        var broken = Edit(Signed(First.Value), Convert.ToBase64String(First.Value.RawData), Convert.ToBase64String(new byte[64]));
        Assert.Equal(SignatureStatus.Malformed, DossierSignatureVerifier.Verify(broken, DossierReaderOptions.Default, new SigningCertificateCache()).Status);
    }

    [Fact]
    public void Two_KeyInfo_elements_are_refused_as_malformed()
    {
        var signed = Signed(First.Value);
        var text = Encoding.UTF8.GetString(signed);
        var start = text.IndexOf("<KeyInfo>", StringComparison.Ordinal);
        var end = text.IndexOf("</KeyInfo>", StringComparison.Ordinal) + "</KeyInfo>".Length;
        Assert.True(start > 0 && end > start);
        var keyInfo = text[start..end];
        var doubled = Encoding.UTF8.GetBytes(text.Insert(end, keyInfo));

        Assert.Equal(SignatureStatus.Malformed, DossierSignatureVerifier.Verify(doubled, DossierReaderOptions.Default, new SigningCertificateCache()).Status);
    }
}
