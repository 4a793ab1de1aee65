using Google.Protobuf;
using SoSucKhoe.Dossiers;
using SoSucKhoe.TestData;
using static SoSucKhoe.EndToEnd.Tests.HostileDocuments;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// Attacks on the facility's XML signature (CHUKYDONVI): missing, copied, forged, wrapped, weakened, or made with a certificate
/// that does not belong to the sender. Byte-level edits keep the document well-formed so that only the signature is at fault.
/// </summary>
public static partial class HostileCorpus
{
    private const string Rsa256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private const string Sha256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    private const string Enveloped = "<Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\" />";

    private static void AddSignatureCases(Builder corpus)
    {
        var signature = "ENVELOPE.CHUKYDONVI";
        var foreignSignature = DossierSigner.ExtractSignature(Gen.Factory.Create(Gen.Citizen(insured: true), Gen.Facility(OtherFacility), "01", Arrival).Signed);
        var earlierSignature = DossierSigner.ExtractSignature(Dossier().Signed);
        Signed(corpus, "signature/missing: empty CHUKYDONVI", d => d.Unsigned, V(signature, ViolationRules.SignatureMissing));
        Signed(corpus, "signature/copied from another facility's dossier", d =>
            DossierEnvelope.Compose(d.Header, d.Tables, foreignSignature), V(signature, ViolationRules.SignatureInvalid));
        Signed(corpus, "signature/copied from an earlier dossier of the same facility", d =>
            DossierEnvelope.Compose(d.Header, d.Tables, earlierSignature), V(signature, ViolationRules.SignatureInvalid));
        Signed(corpus, "signature/content altered after signing", d => d.WithField("XML1", "T_TONGCHI_BV", "1", resign: false).Signed,
            false, V(signature, ViolationRules.SignatureInvalid));
        Signed(corpus, "signature/made with another facility's registered certificate", d =>
            d.Mutate().SignedWith(FacilityCertificates.For(OtherFacility)).Build().Signed, V(signature, ViolationRules.SignatureCertificateOtherFacility));
        Signed(corpus, "signature/made with an unregistered certificate", d =>
            d.Mutate().SignedWith(FacilityCertificates.For("70899")).Build().Signed, V(signature, ViolationRules.SignatureCertificateUnknown));
        Signed(corpus, "signature/made with an expired certificate that was never registered", d =>
            d.Mutate().SignedWith(FacilityCertificates.Create(HomeFacility, new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero))).Build().Signed,
            V(signature, ViolationRules.SignatureCertificateUnknown));

        Signed(corpus, "signature/wrapping: a second signature in CHUKYDONVI", d =>
            Replace(d.Signed, "</CHUKYDONVI>", DossierSigner.ExtractSignature(d.Signed) + "</CHUKYDONVI>"), V(signature, ViolationRules.SignatureWrapping));
        Signed(corpus, "signature/wrapping: reference to an Id instead of the whole document", d =>
            Replace(d.Signed, "URI=\"\"", "URI=\"#forged\""), V(signature, ViolationRules.SignatureWrapping));
        Signed(corpus, "signature/wrapping: the signed original enveloped in an Object, forged content outside", d =>
            DossierEnvelope.Compose(d.Header, d.Mutate().WithField("XML1", "T_TONGCHI_BV", "1").Build().Tables,
                DossierSigner.ExtractSignature(d.Signed)!.Replace("</Signature>",
                    "<Object>" + System.Text.Encoding.UTF8.GetString(d.Signed).Replace(Declaration, string.Empty) + "</Object></Signature>", StringComparison.Ordinal)),
            false, V(signature, ViolationRules.SignatureWrapping));
        Signed(corpus, "signature/wrapping: second reference to a forged element", d =>
            Replace(d.Signed, "</SignedInfo>", $"<Reference URI=\"#x\"><DigestMethod Algorithm=\"{Sha256}\" /><DigestValue>AAAA</DigestValue></Reference></SignedInfo>"),
            V(signature, ViolationRules.SignatureWrapping));
        Signed(corpus, "signature/without the enveloped-signature transform", d => Replace(d.Signed, Enveloped, string.Empty),
            V(signature, ViolationRules.SignatureWrapping));
        Signed(corpus, "signature/weak method RSA-SHA1", d => Replace(d.Signed, Rsa256, "http://www.w3.org/2000/09/xmldsig#rsa-sha1"),
            V(signature, ViolationRules.SignatureWeakAlgorithm));
        Signed(corpus, "signature/HMAC method with a truncated output", d => Replace(d.Signed, $"<SignatureMethod Algorithm=\"{Rsa256}\" />",
            "<SignatureMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#hmac-sha1\"><HMACOutputLength>8</HMACOutputLength></SignatureMethod>"),
            V(signature, ViolationRules.SignatureWeakAlgorithm));
        Signed(corpus, "signature/weak digest SHA-1", d => Replace(d.Signed, Sha256, "http://www.w3.org/2000/09/xmldsig#sha1"),
            V(signature, ViolationRules.SignatureWeakAlgorithm));
        Signed(corpus, "signature/no certificate in KeyInfo", d => Utf8(System.Text.RegularExpressions.Regex.Replace(
            System.Text.Encoding.UTF8.GetString(d.Signed), "<KeyInfo>.*</KeyInfo>", string.Empty)), V(signature, ViolationRules.SignatureCertificateMissing));
        Signed(corpus, "signature/SignatureValue of zeros", d => Utf8(System.Text.RegularExpressions.Regex.Replace(
            System.Text.Encoding.UTF8.GetString(d.Signed), "<SignatureValue>[^<]*</SignatureValue>", $"<SignatureValue>{Convert.ToBase64String(new byte[256])}</SignatureValue>")),
            V(signature, ViolationRules.SignatureInvalid));
        Signed(corpus, "signature/moved out of CHUKYDONVI under the root", d =>
            Replace(Replace(d.Signed, "<CHUKYDONVI>", "<CHUKYDONVI /><MOVED>"), "</CHUKYDONVI>", "</MOVED>"), false, V("ENVELOPE.MOVED", ViolationRules.EnvelopeStructure));

        var xml0 = "XML0.CHUKYDONVI";
        SignedCheckIn(corpus, "signature/XML0 without a signature", c => c.Unsigned, V(xml0, ViolationRules.SignatureMissing));
        SignedCheckIn(corpus, "signature/XML0 altered after signing", c => Replace(c.Signed, "<STT>1</STT>", "<STT>2</STT>"), V(xml0, ViolationRules.SignatureInvalid));
        SignedCheckIn(corpus, "signature/XML0 made with another facility's certificate", c => DossierSigner.Sign(c.Unsigned, FacilityCertificates.For(OtherFacility)),
            V(xml0, ViolationRules.SignatureCertificateOtherFacility));
    }

    /// <summary>A fresh valid dossier whose signed bytes are replaced by <paramref name="document"/>'s result.</summary>
    private static void Signed(Builder corpus, string name, Func<GeneratedDossier, byte[]> document, params ExpectedViolation[] expected) =>
        Signed(corpus, name, document, true, expected);

    private static void Signed(Builder corpus, string name, Func<GeneratedDossier, byte[]> document, bool exact, params ExpectedViolation[] expected)
    {
        var dossier = Dossier();
        corpus.Submit(name, () => document(dossier), exact, dossier.MaLk, expected);
    }

    private static void SignedCheckIn(Builder corpus, string name, Func<GeneratedCheckIn, byte[]> document, params ExpectedViolation[] expected)
    {
        var (request, valid) = CheckInOf(Episode());
        corpus.CheckIn(name, () =>
        {
            var copy = request.Clone();
            copy.CheckInDocument = ByteString.CopyFrom(document(valid));
            return copy;
        }, true, expected);
    }
}
