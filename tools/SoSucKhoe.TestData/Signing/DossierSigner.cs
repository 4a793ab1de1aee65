using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace SoSucKhoe.TestData;

/// <summary>
/// Enveloped XML-DSig over the whole document, as a facility signs a dossier (GIAMDINHHS) or a
/// check-in (CHI_TIEU_TRANG_THAI_KCB):
/// <list type="bullet">
/// <item>the ds:Signature element is placed inside the root's CHUKYDONVI child;</item>
/// <item>one Reference with URI="" and transforms enveloped-signature then inclusive C14N 1.0 without comments
/// (http://www.w3.org/TR/2001/REC-xml-c14n-20010315), which is also the SignedInfo canonicalization;</item>
/// <item>SignatureMethod RSA-SHA256, DigestMethod SHA-256, KeyInfo/X509Data with the signing certificate.</item>
/// </list>
/// Inclusive C14N was chosen because the documents carry no namespaces of their own, so exclusive and
/// inclusive give the same octets, and inclusive is the default of common external signers (xmlsec1 templates).
/// </summary>
public static class DossierSigner
{
    private const string SignatureSlot = "CHUKYDONVI";

    /// <summary>
    /// Signs a document the way the hub expects (enveloped RSA-SHA256 in CHUKYDONVI, one reference covering the whole document);
    /// any previous content of CHUKYDONVI is replaced. The product's own signer does the work.
    /// </summary>
    public static byte[] Sign(byte[] document, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(certificate);
        return SoSucKhoe.Dossiers.Signatures.DossierSigner.Sign(document, certificate);
    }

    /// <summary>
    /// For tests of this library only: true when the document holds exactly one signature, inside CHUKYDONVI,
    /// with a single Reference URI="" that verifies with <paramref name="certificate"/>'s public key.
    /// (A product verifier must also check the certificate chain, validity and the facility binding.)
    /// </summary>
    public static bool VerifyForTests(byte[] signed, X509Certificate2 certificate)
    {
        XmlDocument doc;
        try
        {
            doc = Load(signed);
        }
        catch (XmlException)
        {
            return false;
        }

        var signatures = doc.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl);
        if (signatures.Count != 1 || signatures[0] is not XmlElement signature || signature.ParentNode != Slot(doc))
        {
            return false;
        }

        var signedXml = new SignedXml(doc);
        signedXml.LoadXml(signature);
        if (signedXml.SignedInfo!.References.Count != 1 ||
            signedXml.SignedInfo.References[0] is not Reference { Uri: "" })
        {
            return false;
        }

        return signedXml.CheckSignature(certificate, verifySignatureOnly: true);
    }

    /// <summary>The outer XML of the ds:Signature inside CHUKYDONVI, or null.</summary>
    public static string? ExtractSignature(byte[] signed)
    {
        var doc = Load(signed);
        return Slot(doc)?.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl) is { Count: > 0 } list
            ? list[0]!.OuterXml
            : null;
    }

    private static XmlElement? Slot(XmlDocument doc) => doc.DocumentElement?[SignatureSlot];

    private static XmlDocument Load(byte[] bytes)
    {
        var doc = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        doc.Load(reader);
        return doc;
    }
}
