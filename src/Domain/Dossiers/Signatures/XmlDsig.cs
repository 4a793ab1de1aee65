namespace SoSucKhoe.Dossiers.Signatures;

/// <summary>Algorithm identifiers accepted for facility signatures.</summary>
public static class XmlDsig
{
    public const string Namespace = "http://www.w3.org/2000/09/xmldsig#";
    public const string RsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public const string Sha256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public const string EnvelopedTransform = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    /// <summary>The element under the document root that holds the signature.</summary>
    public const string SignatureContainer = "CHUKYDONVI";
}
