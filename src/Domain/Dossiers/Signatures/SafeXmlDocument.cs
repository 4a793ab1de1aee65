using System.Xml;
using SoSucKhoe.Dossiers.Internal;
using SoSucKhoe.Dossiers.Reading;

namespace SoSucKhoe.Dossiers.Signatures;

/// <summary>Loads an XmlDocument (whitespace preserved, as signatures need) with the reader's safety settings.</summary>
internal static class SafeXmlDocument
{
    public static XmlDocument Load(ReadOnlyMemory<byte> document, DossierReaderOptions options)
    {
        var settings = GuardedXmlReader.CreateSettings(options);
        settings.IgnoreWhitespace = false;
        settings.IgnoreComments = false;
        settings.IgnoreProcessingInstructions = false;
        using var stream = new MemoryStream(document.ToArray(), writable: false);
        using var reader = XmlReader.Create(stream, settings);
        var doc = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        doc.Load(reader);
        return doc;
    }
}
