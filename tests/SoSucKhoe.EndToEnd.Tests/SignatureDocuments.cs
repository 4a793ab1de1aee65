using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// Builds signed and forged variants of generated documents for the signature tests: real XML-DSig signatures with chosen
/// algorithms and references (made with <see cref="SignedXml"/>, so only the named property differs from an acceptable
/// signature), byte-level moves of a signature element, and the unsigned template an external signer (xmlsec1) fills.
/// </summary>
public static class SignatureDocuments
{
    public const string DsigNamespace = "http://www.w3.org/2000/09/xmldsig#";
    public const string C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    public const string EnvelopedTransform = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    public const string RsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public const string RsaSha1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public const string Sha256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public const string Sha1 = "http://www.w3.org/2000/09/xmldsig#sha1";

    private const string Container = "CHUKYDONVI";

    /// <summary>
    /// The enveloped signature template of QĐ 130 dossiers (RSA-SHA256, SHA-256 digest, Reference URI="" with the
    /// enveloped-signature transform then inclusive C14N, the certificate in KeyInfo/X509Data), with empty values to fill.
    /// </summary>
    public static string Template =>
        $"<Signature xmlns=\"{DsigNamespace}\"><SignedInfo>" +
        $"<CanonicalizationMethod Algorithm=\"{C14N}\"/>" +
        $"<SignatureMethod Algorithm=\"{RsaSha256}\"/>" +
        "<Reference URI=\"\"><Transforms>" +
        $"<Transform Algorithm=\"{EnvelopedTransform}\"/>" +
        $"<Transform Algorithm=\"{C14N}\"/>" +
        "</Transforms>" +
        $"<DigestMethod Algorithm=\"{Sha256}\"/><DigestValue></DigestValue>" +
        "</Reference></SignedInfo>" +
        "<SignatureValue></SignatureValue>" +
        "<KeyInfo><X509Data><X509Certificate></X509Certificate></X509Data></KeyInfo>" +
        "</Signature>";

    /// <summary>Puts <paramref name="content"/> into the document's empty CHUKYDONVI (which must occur exactly once).</summary>
    public static byte[] FillContainer(byte[] unsigned, string content)
    {
        var text = Encoding.UTF8.GetString(unsigned);
        string[] empties = ["<CHUKYDONVI></CHUKYDONVI>", "<CHUKYDONVI />", "<CHUKYDONVI/>"];
        var empty = empties.Where(e => text.Contains(e, StringComparison.Ordinal)).ToList();
        if (empty.Count != 1 || text.IndexOf(empty[0], StringComparison.Ordinal) != text.LastIndexOf(empty[0], StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The document must hold exactly one empty CHUKYDONVI.");
        }

        return Encoding.UTF8.GetBytes(text.Replace(empty[0], $"<CHUKYDONVI>{content}</CHUKYDONVI>", StringComparison.Ordinal));
    }

    /// <summary>
    /// A real enveloped signature of the unsigned document in CHUKYDONVI, made with <paramref name="certificate"/>'s key, with the
    /// given signature method and digest, and one Reference to <paramref name="referenceUri"/> ("" = the whole document).
    /// </summary>
    public static byte[] Sign(byte[] unsigned, X509Certificate2 certificate, string signatureMethod = RsaSha256, string digestMethod = Sha256, string referenceUri = "")
    {
        var doc = Load(unsigned);
        var container = doc.DocumentElement![Container] ?? throw new InvalidOperationException("The document has no CHUKYDONVI.");
        container.RemoveAll();
        using var key = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The certificate has no RSA private key.");
        var signed = new SignedXml(doc) { SigningKey = key };
        signed.SignedInfo!.CanonicalizationMethod = C14N;
        signed.SignedInfo.SignatureMethod = signatureMethod;
        var reference = new Reference(referenceUri) { DigestMethod = digestMethod };
        if (referenceUri.Length == 0)
        {
            reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        }

        reference.AddTransform(new XmlDsigC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        container.AppendChild(doc.ImportNode(signed.GetXml(), deep: true));
        return Save(doc);
    }

    /// <summary>Adds attribute Id="<paramref name="id"/>" to the first element named <paramref name="element"/>.</summary>
    public static byte[] WithId(byte[] document, string element, string id)
    {
        var doc = Load(document);
        var target = doc.GetElementsByTagName(element).OfType<XmlElement>().First();
        target.SetAttribute("Id", id);
        return Save(doc);
    }

    /// <summary>The single ds:Signature element of a signed document, as text.</summary>
    public static string SignatureOf(byte[] signed)
    {
        var signatures = Load(signed).GetElementsByTagName("Signature", DsigNamespace);
        return signatures.Count == 1 ? signatures[0]!.OuterXml : throw new InvalidOperationException($"Expected one signature, found {signatures.Count}.");
    }

    /// <summary>The document text without its XML declaration (to embed it inside another element).</summary>
    public static string Embeddable(byte[] document)
    {
        var doc = Load(document);
        return doc.DocumentElement!.OuterXml;
    }

    /// <summary>Replaces exactly one occurrence of <paramref name="find"/> in the document text.</summary>
    public static byte[] ReplaceOnce(byte[] document, string find, string replacement)
    {
        var text = Encoding.UTF8.GetString(document);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(find, at + find.Length, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"Expected exactly one occurrence of {find}.");
        }

        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length)));
    }

    private static XmlDocument Load(byte[] bytes)
    {
        var doc = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        doc.Load(reader);
        return doc;
    }

    private static byte[] Save(XmlDocument doc)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            doc.Save(writer);
        }

        return stream.ToArray();
    }
}
