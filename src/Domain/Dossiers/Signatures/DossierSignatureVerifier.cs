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
/// <remarks>
/// A valid dossier of the usual shape is verified by a streaming fast path (<see cref="FastSignatureVerifier"/>: one XmlReader
/// pass that hashes the canonical document and keeps the canonical SignedInfo, no DOM); it can only answer Valid, with exactly
/// the result of the SignedXml path. Every other document, and every refusal with its status and message, goes through the
/// general SignedXml path.
/// </remarks>
public static class DossierSignatureVerifier
{
    /// <summary>
    /// Verifies the document; the returned <see cref="SignatureVerification.Certificate"/> is a fresh copy the caller owns and
    /// should dispose. The RSA key is taken from <see cref="SigningCertificateCache.Shared"/>.
    /// </summary>
    public static SignatureVerification Verify(ReadOnlyMemory<byte> document, DossierReaderOptions? options = null) =>
        Verify(document, options, SigningCertificateCache.Shared, callerOwnsCertificate: true);

    /// <summary>
    /// Verifies the document with certificates and RSA keys from <paramref name="certificates"/>: the certificate in KeyInfo is
    /// parsed and its key imported once per certificate, not once per document. The returned
    /// <see cref="SignatureVerification.Certificate"/> belongs to the cache: read it, never dispose it. This is the hot path.
    /// </summary>
    public static SignatureVerification Verify(ReadOnlyMemory<byte> document, DossierReaderOptions? options, SigningCertificateCache certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        return Verify(document, options, certificates, callerOwnsCertificate: false);
    }

    /// <summary>The fast path alone (after the byte-level precheck): the Valid result, or null when the fast path would fall back.</summary>
    internal static SignatureVerification? TryVerifyFast(ReadOnlyMemory<byte> document, DossierReaderOptions? options, SigningCertificateCache certificates)
    {
        options ??= DossierReaderOptions.Default;
        return DocumentPrecheck.Check(document.Span, options, out _, out _)
            ? FastSignatureVerifier.TryVerify(document, options, certificates, callerOwnsCertificate: false)
            : null;
    }

    /// <summary>The general SignedXml path alone, as the hot overload answers without its fast path.</summary>
    internal static SignatureVerification VerifyWithSignedXml(ReadOnlyMemory<byte> document, DossierReaderOptions? options, SigningCertificateCache certificates)
    {
        options ??= DossierReaderOptions.Default;
        return DocumentPrecheck.Check(document.Span, options, out _, out var precheck)
            ? VerifyWithSignedXml(document, options, certificates, callerOwnsCertificate: false)
            : new(SignatureStatus.Malformed, null, precheck);
    }

    /// <summary>The Valid result both paths return.</summary>
    internal static SignatureVerification ValidResult(X509Certificate2 certificate, string thumbprint) =>
        new(SignatureStatus.Valid, certificate, "The signature is valid.") { Thumbprint = thumbprint };

    private static SignatureVerification Verify(ReadOnlyMemory<byte> document, DossierReaderOptions? options,
        SigningCertificateCache certificates, bool callerOwnsCertificate)
    {
        options ??= DossierReaderOptions.Default;
        if (!DocumentPrecheck.Check(document.Span, options, out _, out var precheck))
        {
            return new(SignatureStatus.Malformed, null, precheck);
        }

        // The streaming fast path answers only Valid; every other outcome (and its exact status and message) comes from SignedXml.
        return FastSignatureVerifier.TryVerify(document, options, certificates, callerOwnsCertificate)
            ?? VerifyWithSignedXml(document, options, certificates, callerOwnsCertificate);
    }

    private static SignatureVerification VerifyWithSignedXml(ReadOnlyMemory<byte> document, DossierReaderOptions options,
        SigningCertificateCache certificates, bool callerOwnsCertificate)
    {
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
            // KeyInfo is read here, not by SignedXml (which would parse the certificate for every document), and then removed
            // from the in-memory document. This does not change what is verified: the enveloped-signature transform removes
            // the whole Signature element from the referenced content, and the signature value covers SignedInfo only, never
            // KeyInfo. The certificate that checks the signature is still the one KeyInfo carried.
            if (!TryTakeCertificateBytes(signatureElement, out var certificateBytes))
            {
                return new(SignatureStatus.Malformed, null, "The signature element cannot be read.");
            }

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

            var entry = certificateBytes is null ? null : certificates.GetOrAdd(certificateBytes);
            if (entry is null)
            {
                var keyless = certificateBytes is not null && callerOwnsCertificate ? X509CertificateLoader.LoadCertificate(certificateBytes) : null;
                return new(SignatureStatus.CertificateMissing, keyless, "KeyInfo holds no X.509 certificate with an RSA public key.");
            }

            var certificate = callerOwnsCertificate ? X509CertificateLoader.LoadCertificate(certificateBytes!) : entry.Certificate;
            return signed.CheckSignature(entry.PublicKey)
                ? ValidResult(certificate, entry.Thumbprint)
                : new(SignatureStatus.Invalid, certificate, "The signature does not match the document: it was altered after signing or signed with another key.") { Thumbprint = entry.Thumbprint };
        }
        catch (Exception ex) when (ex is CryptographicException or XmlException or InvalidOperationException or FormatException or ArgumentException)
        {
            return new(SignatureStatus.Malformed, null, "The signature element cannot be read.");
        }
    }

    /// <summary>
    /// Reads the DER bytes of the first X509Certificate of the first X509Data (with certificates) in the signature's KeyInfo,
    /// as SignedXml's KeyInfoX509Data would, and removes KeyInfo from the element. Null bytes when there is no certificate;
    /// false when KeyInfo is repeated or the certificate is not base64 (SignedXml refuses both).
    /// </summary>
    private static bool TryTakeCertificateBytes(XmlElement signature, out byte[]? certificateBytes)
    {
        certificateBytes = null;
        XmlElement? keyInfo = null;
        foreach (XmlNode child in signature.ChildNodes)
        {
            if (child is XmlElement { LocalName: "KeyInfo", NamespaceURI: XmlDsig.Namespace } element)
            {
                if (keyInfo is not null)
                {
                    return false;
                }

                keyInfo = element;
            }
        }

        if (keyInfo is null)
        {
            return true;
        }

        foreach (XmlNode data in keyInfo.ChildNodes)
        {
            if (data is not XmlElement { LocalName: "X509Data", NamespaceURI: XmlDsig.Namespace })
            {
                continue;
            }

            foreach (XmlNode item in data.ChildNodes)
            {
                if (item is XmlElement { LocalName: "X509Certificate", NamespaceURI: XmlDsig.Namespace } certificate)
                {
                    try
                    {
                        certificateBytes = Convert.FromBase64String(string.Concat(certificate.InnerText.Where(c => !char.IsWhiteSpace(c))));
                    }
                    catch (FormatException)
                    {
                        return false;
                    }

                    break;
                }
            }

            if (certificateBytes is not null)
            {
                break;
            }
        }

        signature.RemoveChild(keyInfo);
        return true;
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
