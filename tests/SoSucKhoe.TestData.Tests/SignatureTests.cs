using System.Security.Cryptography.Xml;
using System.Xml;

namespace SoSucKhoe.TestData.Tests;

public sealed class SignatureTests
{
    private static readonly Lazy<GeneratedEpisode> Episode = new(() =>
        new DossierFactory(Scenario.Seed).CreateEpisode(Scenario.Insured, Scenario.Hospital, "03", Scenario.Arrival, new DossierOptions { ReExamBooked = true }));

    private static GeneratedDossier Dossier => Episode.Value.Dossier;

    [Fact]
    public void Signed_dossier_verifies_with_the_facility_certificate()
    {
        Assert.True(Dossier.IsSigned);
        Assert.True(DossierSigner.VerifyForTests(Dossier.Signed, FacilityCertificates.For(Scenario.Hospital)));
    }

    [Fact]
    public void Signed_check_in_verifies_with_the_facility_certificate()
    {
        Assert.True(DossierSigner.VerifyForTests(Episode.Value.CheckIn.Signed, FacilityCertificates.For(Scenario.Hospital)));
        Assert.False(DossierSigner.VerifyForTests(Episode.Value.CheckIn.Unsigned, FacilityCertificates.For(Scenario.Hospital)));
    }

    [Fact]
    public void Signature_sits_in_CHUKYDONVI_with_the_agreed_algorithms()
    {
        var doc = new XmlDocument { PreserveWhitespace = true };
        doc.LoadXml(Encoding.UTF8.GetString(Dossier.Signed));
        var ns = new XmlNamespaceManager(doc.NameTable);
        ns.AddNamespace("ds", SignedXml.XmlDsigNamespaceUrl);
        var signature = doc.SelectSingleNode("/GIAMDINHHS/CHUKYDONVI/ds:Signature", ns);
        Assert.NotNull(signature);
        string Attr(string path) => signature.SelectSingleNode(path, ns)!.Value!;
        Assert.Equal(SignedXml.XmlDsigC14NTransformUrl, Attr("ds:SignedInfo/ds:CanonicalizationMethod/@Algorithm"));
        Assert.Equal(SignedXml.XmlDsigRSASHA256Url, Attr("ds:SignedInfo/ds:SignatureMethod/@Algorithm"));
        Assert.Equal(string.Empty, Attr("ds:SignedInfo/ds:Reference/@URI"));
        Assert.Equal(SignedXml.XmlDsigSHA256Url, Attr("ds:SignedInfo/ds:Reference/ds:DigestMethod/@Algorithm"));
        var transforms = signature.SelectNodes("ds:SignedInfo/ds:Reference/ds:Transforms/ds:Transform/@Algorithm", ns)!.Cast<XmlNode>().Select(n => n.Value).ToList();
        Assert.Equal([SignedXml.XmlDsigEnvelopedSignatureTransformUrl, SignedXml.XmlDsigC14NTransformUrl], transforms);
        Assert.NotNull(signature.SelectSingleNode("ds:KeyInfo/ds:X509Data/ds:X509Certificate", ns));
    }

    [Fact]
    public void Unsigned_and_signed_differ_only_by_the_signature()
    {
        var unsignedText = Encoding.UTF8.GetString(Dossier.Unsigned);
        var signedText = Encoding.UTF8.GetString(Dossier.Signed);
        Assert.Contains("<CHUKYDONVI></CHUKYDONVI>", unsignedText);
        var start = signedText.IndexOf("<Signature", StringComparison.Ordinal);
        var end = signedText.IndexOf("</Signature>", StringComparison.Ordinal) + "</Signature>".Length;
        Assert.Equal(unsignedText, signedText[..start] + signedText[end..]);
    }

    [Fact]
    public void A_single_changed_byte_in_a_table_breaks_the_signature()
    {
        var table = Dossier.InnerTables["XML3"].ToArray();
        var position = Encoding.UTF8.GetString(table).IndexOf("<SO_LUONG>1<", StringComparison.Ordinal) + "<SO_LUONG>".Length;
        Assert.True(position > "<SO_LUONG>".Length);
        table[position] = (byte)'2';
        var tampered = Dossier.Mutate().WithTableContent("XML3", table).Build(resign: false);
        Assert.Equal(1, Dossier.InnerTables["XML3"].Zip(tampered.InnerTables["XML3"]).Count(p => p.First != p.Second));
        Assert.False(DossierSigner.VerifyForTests(tampered.Signed, FacilityCertificates.For(Scenario.Hospital)));
    }

    [Fact]
    public void A_changed_byte_in_the_envelope_breaks_the_signature()
    {
        var bytes = Dossier.Signed.ToArray();
        var text = Encoding.UTF8.GetString(bytes);
        var position = text.IndexOf("<SOLUONGHOSO>1", StringComparison.Ordinal) + "<SOLUONGHOSO>".Length;
        bytes[position] = (byte)'2';
        Assert.False(DossierSigner.VerifyForTests(bytes, FacilityCertificates.For(Scenario.Hospital)));
    }

    [Fact]
    public void Another_facilitys_certificate_does_not_verify()
    {
        Assert.False(DossierSigner.VerifyForTests(Dossier.Signed, FacilityCertificates.For(Scenario.CommuneStation)));
    }

    [Fact]
    public void Unsigned_generation_leaves_Signed_empty()
    {
        var dossier = new DossierFactory(1).Create(Scenario.Insured, Scenario.Hospital, "01", Scenario.Arrival, new DossierOptions { Sign = false });
        Assert.False(dossier.IsSigned);
        Assert.Empty(dossier.Signed);
        Assert.Same(dossier.Unsigned, dossier.Payload);
    }

    [Fact]
    public void A_given_certificate_is_used_for_signing_for_example_an_expired_one()
    {
        var expired = FacilityCertificates.Create(Scenario.Hospital.Code, DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddDays(-1));
        var dossier = new DossierFactory(1).Create(Scenario.Insured, Scenario.Hospital, "01", Scenario.Arrival, new DossierOptions { SigningCertificate = expired });
        Assert.Same(expired, dossier.SigningCertificate);
        Assert.True(DossierSigner.VerifyForTests(dossier.Signed, expired));
        var embedded = Documents.Parse(dossier.Signed).Descendants(XName.Get("X509Certificate", SignedXml.XmlDsigNamespaceUrl)).Single().Value;
        Assert.Equal(Convert.ToBase64String(expired.RawData), embedded);
    }
}
