using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using SoSucKhoe.Dossiers.Reading;

namespace SoSucKhoe.Dossiers.Signatures;

/// <summary>
/// Signs a document the way a facility's HIS does (for the gateway emulator, test data and load tools): an enveloped
/// RSA-SHA256 XML-DSig with a SHA-256 digest over Reference URI="", the X.509 certificate in KeyInfo, placed in CHUKYDONVI
/// (created under the root when absent, replacing any earlier signature).
/// </summary>
public static class DossierSigner
{
    public static byte[] Sign(ReadOnlyMemory<byte> document, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var key = certificate.GetRSAPrivateKey() ?? throw new ArgumentException("The certificate has no RSA private key.", nameof(certificate));

        var doc = SafeXmlDocument.Load(document, DossierReaderOptions.Default);
        var root = doc.DocumentElement ?? throw new ArgumentException("The document has no root element.", nameof(document));
        var container = root[XmlDsig.SignatureContainer] ?? (XmlElement)root.AppendChild(doc.CreateElement(XmlDsig.SignatureContainer))!;
        container.RemoveAll();

        var signed = new SignedXml(doc) { SigningKey = key };
        signed.SignedInfo!.SignatureMethod = XmlDsig.RsaSha256;
        var reference = new Reference(string.Empty) { DigestMethod = XmlDsig.Sha256 };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        container.AppendChild(doc.ImportNode(signed.GetXml(), deep: true));

        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            doc.WriteTo(writer);
        }

        return output.ToArray();
    }
}
