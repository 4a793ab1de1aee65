using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Signatures;
using SoSucKhoe.Dossiers.Tests.Support;

namespace SoSucKhoe.Dossiers.Tests;

public sealed class SignatureTests
{
    private static readonly Lazy<X509Certificate2> FacilityCertificate = new(() => CreateCertificate("CN=BV Da khoa tinh 70001"));
    private static readonly Lazy<X509Certificate2> OtherCertificate = new(() => CreateCertificate("CN=Other"));

    private static X509Certificate2 CreateCertificate(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static byte[] SignedDossier() => DossierSigner.Sign(Fixtures.Outpatient().Build(), FacilityCertificate.Value);

    private static byte[] Edit(byte[] document, string from, string to)
    {
        var text = Encoding.UTF8.GetString(document);
        Assert.Contains(from, text);
        return Encoding.UTF8.GetBytes(text.Replace(from, to));
    }

    [Fact]
    public void Signed_dossier_verifies_and_names_its_certificate()
    {
        var result = DossierSignatureVerifier.Verify(SignedDossier());
        Assert.Equal(SignatureStatus.Valid, result.Status);
        Assert.True(result.IsValid);
        Assert.Equal(FacilityCertificate.Value.Thumbprint, result.Certificate!.Thumbprint);
    }

    [Fact]
    public void Signed_dossier_still_reads_and_validates_cleanly()
    {
        var read = DossierReader.ReadDossier(SignedDossier(), DossierReaderOptions.Default);
        Assert.Empty(read.Violations);
        Assert.True(read.Dossier!.HasSignature);
        Assert.Empty(Support.Validation.Validator().Validate(read.Dossier, Fixtures.Now));
    }

    [Fact]
    public void Any_change_after_signing_invalidates_the_signature()
    {
        var altered = Edit(SignedDossier(), "<NGAYLAP>20250310</NGAYLAP>", "<NGAYLAP>20250311</NGAYLAP>");
        Assert.Equal(SignatureStatus.Invalid, DossierSignatureVerifier.Verify(altered).Status);
    }

    [Fact]
    public void Certificate_swapped_in_KeyInfo_does_not_verify()
    {
        var signed = SignedDossier();
        var mine = Convert.ToBase64String(FacilityCertificate.Value.RawData);
        var other = Convert.ToBase64String(OtherCertificate.Value.RawData);
        var result = DossierSignatureVerifier.Verify(Edit(signed, mine, other));
        Assert.Equal(SignatureStatus.Invalid, result.Status);
    }

    [Fact]
    public void Unsigned_document_has_a_missing_signature() =>
        Assert.Equal(SignatureStatus.Missing, DossierSignatureVerifier.Verify(Fixtures.Outpatient().Build()).Status);

    [Fact]
    public void Weak_signature_method_is_refused_as_a_weak_algorithm()
    {
        var weak = Edit(SignedDossier(), XmlDsig.RsaSha256, "http://www.w3.org/2000/09/xmldsig#rsa-sha1");
        Assert.Equal(SignatureStatus.WeakAlgorithm, DossierSignatureVerifier.Verify(weak).Status);
    }

    [Fact]
    public void Reference_to_part_of_the_document_is_refused_as_wrapping()
    {
        var partial = Edit(SignedDossier(), "URI=\"\"", "URI=\"#part\"");
        Assert.Equal(SignatureStatus.Wrapping, DossierSignatureVerifier.Verify(partial).Status);
    }

    [Fact]
    public void Hostile_documents_are_malformed_not_exceptions()
    {
        Assert.Equal(SignatureStatus.Malformed, DossierSignatureVerifier.Verify("<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>"u8.ToArray()).Status);
        Assert.Equal(SignatureStatus.Malformed, DossierSignatureVerifier.Verify("<GIAMDINHHS>"u8.ToArray()).Status);
        Assert.Equal(SignatureStatus.Malformed, DossierSignatureVerifier.Verify(ReadOnlyMemory<byte>.Empty).Status);
    }

    [Fact]
    public void Signed_check_in_verifies()
    {
        var signed = DossierSigner.Sign(Fixtures.CheckIn(), FacilityCertificate.Value);
        Assert.Equal(SignatureStatus.Valid, DossierSignatureVerifier.Verify(signed).Status);
        var read = DossierReader.ReadCheckIn(signed, DossierReaderOptions.Default);
        Assert.Empty(read.Violations);
        Assert.True(read.Document!.HasSignature);
    }
}
