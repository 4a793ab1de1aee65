using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using SoSucKhoe.Dossiers.Internal;
using SoSucKhoe.Dossiers.Reading;

namespace SoSucKhoe.Dossiers.Signatures;

/// <summary>
/// Verifies the facility's enveloped XML-DSig signature in CHUKYDONVI (GIAMDINHHS envelope or XML0 check-in): exactly one
/// Signature, RSA-SHA256, one Reference with URI="" (the whole document), the enveloped-signature transform and a SHA-256
/// digest, and an X.509 certificate in KeyInfo whose RSA public key checks the signature. Certificate trust (chain,
/// revocation, registration with the facility) is left to the caller. Never throws on hostile input.
/// </summary>
public static class DossierSignatureVerifier
{
    public static SignatureVerification Verify(ReadOnlyMemory<byte> document, DossierReaderOptions? options = null)
    {
        options ??= DossierReaderOptions.Default;
        if (!DocumentPrecheck.Check(document.Span, options, out _, out var precheck))
        {
            return new(SignatureStatus.Malformed, null, precheck);
        }

        XmlDocument doc;
        try
        {
            doc = SafeXmlDocument.Load(document, options);
        }
        catch (Exception ex) when (ex is XmlException or XmlLimitException or InvalidOperationException)
        {
            return new(SignatureStatus.Malformed, null, "The document is not well-formed XML or uses a DTD.");
        }

        if (CountElements(doc) > options.MaxElements)
        {
            return new(SignatureStatus.Malformed, null, "The document has too many elements.");
        }

        var signatures = doc.GetElementsByTagName("Signature", XmlDsig.Namespace);
        if (signatures.Count == 0)
        {
            return new(SignatureStatus.Missing, null, "The document carries no XML signature.");
        }

        if (signatures.Count > 1)
        {
            return new(SignatureStatus.Wrapping, null, "The document carries more than one XML signature.");
        }

        var signatureElement = (XmlElement)signatures[0]!;
        if (signatureElement.ParentNode is not XmlElement { LocalName: XmlDsig.SignatureContainer } container || container.ParentNode != doc.DocumentElement)
        {
            return new(SignatureStatus.Wrapping, null, "The signature must be inside CHUKYDONVI directly under the root element.");
        }

        try
        {
            var signed = new SignedXml(doc);
            signed.LoadXml(signatureElement);

            if (signed.SignedInfo?.SignatureMethod != XmlDsig.RsaSha256)
            {
                return new(SignatureStatus.WeakAlgorithm, null, "The signature method must be RSA-SHA256.");
            }

            if (signed.SignedInfo.References.Count != 1 || signed.SignedInfo.References[0] is not Reference reference)
            {
                return new(SignatureStatus.Wrapping, null, "The signature must have exactly one reference.");
            }

            if (reference.Uri != string.Empty)
            {
                return new(SignatureStatus.Wrapping, null, "The signature reference must cover the whole document (URI=\"\").");
            }

            if (reference.DigestMethod != XmlDsig.Sha256)
            {
                return new(SignatureStatus.WeakAlgorithm, null, "The reference digest must be SHA-256.");
            }

            var enveloped = false;
            foreach (Transform transform in reference.TransformChain)
            {
                if (transform.Algorithm is not (XmlDsig.EnvelopedTransform or SignedXml.XmlDsigC14NTransformUrl
                    or SignedXml.XmlDsigC14NWithCommentsTransformUrl or SignedXml.XmlDsigExcC14NTransformUrl
                    or SignedXml.XmlDsigExcC14NWithCommentsTransformUrl))
                {
                    // XPath, XSLT or any other transform could make the signed content differ from the document processed.
                    return new(SignatureStatus.Wrapping, null, "The reference may use only the enveloped-signature and canonicalization transforms.");
                }

                enveloped |= transform.Algorithm == XmlDsig.EnvelopedTransform;
            }

            if (!enveloped)
            {
                return new(SignatureStatus.Unsupported, null, "The reference must use the enveloped-signature transform.");
            }

            X509Certificate2? certificate = null;
            foreach (var clause in signed.KeyInfo)
            {
                if (clause is KeyInfoX509Data { Certificates: { Count: > 0 } certificates })
                {
                    certificate = certificates[0] as X509Certificate2;
                    break;
                }
            }

            using var key = certificate?.GetRSAPublicKey();
            if (certificate is null || key is null)
            {
                return new(SignatureStatus.CertificateMissing, certificate, "KeyInfo holds no X.509 certificate with an RSA public key.");
            }

            return signed.CheckSignature(key)
                ? new(SignatureStatus.Valid, certificate, "The signature is valid.")
                : new(SignatureStatus.Invalid, certificate, "The signature does not match the document: it was altered after signing or signed with another key.");
        }
        catch (Exception ex) when (ex is CryptographicException or XmlException or InvalidOperationException or FormatException or ArgumentException)
        {
            return new(SignatureStatus.Malformed, null, "The signature element cannot be read.");
        }
    }

    private static int CountElements(XmlNode node)
    {
        var count = 0;
        var stack = new Stack<XmlNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            foreach (XmlNode child in current.ChildNodes)
            {
                if (child.NodeType == XmlNodeType.Element)
                {
                    count++;
                    stack.Push(child);
                }
            }
        }

        return count;
    }
}
