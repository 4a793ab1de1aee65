using System.Xml;
using System.Xml.Linq;

namespace SoSucKhoe.GatewayEmulator;

/// <summary>
/// Reads the documents the gateway receives, safely (no DTD, no external resolution): an XML0 check-in
/// (CHI_TIEU_TRANG_THAI_KCB / DSACH_TRANG_THAI_KCB / TRANG_THAI_KCB rows) or a GIAMDINHHS dossier whose XML1 (TONG_HOP) is the
/// base64 NOIDUNGFILE of the FILEHOSO with LOAIHOSO XML1. Elements are matched by local name.
/// </summary>
internal static class DocumentInspector
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    public static DocumentInspection Inspect(ReceivedKind kind, byte[] document, string maCskcb) =>
        kind == ReceivedKind.CheckIn ? InspectCheckIn(document, maCskcb) : InspectDossier(document, maCskcb);

    private static DocumentInspection InspectCheckIn(byte[] document, string maCskcb)
    {
        if (Load(document) is not { } root)
        {
            return DocumentInspection.Fail("fileHSBase64 không phải XML hợp lệ / fileHSBase64 is not well-formed XML");
        }

        if (root.Name.LocalName != "CHI_TIEU_TRANG_THAI_KCB")
        {
            return DocumentInspection.Fail(
                $"Sai thẻ gốc {root.Name.LocalName}, cần CHI_TIEU_TRANG_THAI_KCB / wrong root {root.Name.LocalName}, expected CHI_TIEU_TRANG_THAI_KCB");
        }

        var rows = Descendants(root, "TRANG_THAI_KCB").ToList();
        if (rows.Count == 0)
        {
            return DocumentInspection.Fail("Không có dòng TRANG_THAI_KCB / no TRANG_THAI_KCB row");
        }

        var maLks = new List<string>();
        string? person = null;
        foreach (var row in rows)
        {
            var maLk = Value(row, "MA_LK");
            if (maLk is null)
            {
                return DocumentInspection.Fail("Thiếu MA_LK / MA_LK is missing");
            }

            var rowFacility = Value(row, "MA_CSKCB");
            if (rowFacility is null || !string.Equals(rowFacility, maCskcb, StringComparison.Ordinal))
            {
                return DocumentInspection.Fail(
                    "MA_CSKCB trong XML0 không khớp maCSKCB / MA_CSKCB of the XML0 rows does not match maCSKCB");
            }

            if (!maLks.Contains(maLk, StringComparer.Ordinal))
            {
                maLks.Add(maLk);
            }

            person ??= Value(row, "SO_CCCD") ?? Value(row, "MA_THE_BHYT");
        }

        return new DocumentInspection(new DocumentFacts(maLks, person), null);
    }

    private static DocumentInspection InspectDossier(byte[] document, string maCskcb)
    {
        // Streamed: a dossier carries every table as a large base64 text; only XML1's is materialized.
        string? envelopeFacility = null;
        string? xml1Base64 = null;
        try
        {
            using var stream = new MemoryStream(document, writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "GIAMDINHHS")
            {
                var rootName = reader.NodeType == XmlNodeType.Element ? reader.LocalName : "?";
                return DocumentInspection.Fail($"Sai thẻ gốc {rootName}, cần GIAMDINHHS / wrong root {rootName}, expected GIAMDINHHS");
            }

            var section = string.Empty;
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                if (reader.Depth == 1)
                {
                    section = reader.LocalName;
                }

                if (reader.Depth == 2 && section == "THONGTINDONVI" && reader.LocalName == "MACSKCB")
                {
                    envelopeFacility = reader.ReadElementContentAsString().Trim();
                }
                else if (reader.LocalName == "FILEHOSO")
                {
                    if (ReadFileHoSo(reader) is { Type: "XML1" } file && xml1Base64 is null)
                    {
                        xml1Base64 = file.Content;
                    }
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException)
        {
            return DocumentInspection.Fail("fileHSBase64 không phải XML hợp lệ / fileHSBase64 is not well-formed XML");
        }

        if (string.IsNullOrEmpty(envelopeFacility) || !string.Equals(envelopeFacility, maCskcb, StringComparison.Ordinal))
        {
            return DocumentInspection.Fail("MACSKCB của hồ sơ không khớp maCSKCB / the envelope MACSKCB does not match maCSKCB");
        }

        if (string.IsNullOrWhiteSpace(xml1Base64))
        {
            return DocumentInspection.Fail("Thiếu bảng XML1 / the XML1 table is missing");
        }

        byte[] xml1;
        try
        {
            xml1 = Convert.FromBase64String(xml1Base64);
        }
        catch (FormatException)
        {
            return DocumentInspection.Fail("NOIDUNGFILE của XML1 không phải base64 / NOIDUNGFILE of XML1 is not base64");
        }

        var xml1Root = Load(xml1);
        var summary = xml1Root is null
            ? null
            : xml1Root.Name.LocalName == "TONG_HOP" ? xml1Root : Descendants(xml1Root, "TONG_HOP").FirstOrDefault();
        if (summary is null)
        {
            return DocumentInspection.Fail("XML1 không có TONG_HOP hợp lệ / XML1 holds no well-formed TONG_HOP");
        }

        if (Value(summary, "MA_LK") is not { } maLk)
        {
            return DocumentInspection.Fail("Thiếu MA_LK trong XML1 / MA_LK is missing in XML1");
        }

        if (Value(summary, "MA_CSKCB") is { } summaryFacility && !string.Equals(summaryFacility, maCskcb, StringComparison.Ordinal))
        {
            return DocumentInspection.Fail("MA_CSKCB trong XML1 không khớp maCSKCB / MA_CSKCB of XML1 does not match maCSKCB");
        }

        var person = Value(summary, "SO_CCCD") ?? Value(summary, "MA_THE_BHYT");
        return new DocumentInspection(new DocumentFacts([maLk], person), null);
    }

    /// <summary>
    /// Reads one FILEHOSO (the reader on its start tag) and leaves the reader after its end tag. The content is kept only for an
    /// XML1 table (or while the type is not yet known, when NOIDUNGFILE comes before LOAIHOSO).
    /// </summary>
    private static (string? Type, string? Content) ReadFileHoSo(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return (null, null);
        }

        var depth = reader.Depth;
        string? type = null;
        string? content = null;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "LOAIHOSO":
                    type = reader.ReadElementContentAsString().Trim();
                    break;
                case "NOIDUNGFILE" when type is null or "XML1":
                    content = reader.ReadElementContentAsString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        reader.Read();
        return (type, type == "XML1" ? content : null);
    }

    private static XElement? Load(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            return XDocument.Load(reader, LoadOptions.None).Root;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static XElement? Child(XElement parent, string localName)
    {
        foreach (var element in parent.Elements())
        {
            if (element.Name.LocalName == localName)
            {
                return element;
            }
        }

        return null;
    }

    private static IEnumerable<XElement> Descendants(XElement parent, string localName) =>
        parent.Descendants().Where(e => e.Name.LocalName == localName);

    /// <summary>The trimmed text of a child element; null when the element is missing or empty.</summary>
    private static string? Value(XElement parent, string localName)
    {
        var value = Child(parent, localName)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
