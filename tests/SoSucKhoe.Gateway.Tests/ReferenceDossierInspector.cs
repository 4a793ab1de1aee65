using System.Xml;
using System.Xml.Linq;

namespace SoSucKhoe.Gateway.Tests;

/// <summary>
/// The straightforward reading of a GIAMDINHHS dossier the emulator's fast inspector must agree with: the whole envelope through
/// an XML reader (every NOIDUNGFILE tokenized as text), XML1 decoded with <see cref="Convert.FromBase64String(string)"/> and
/// loaded as an XDocument. Returns the refusal message (the emulator's wording), or the MA_LK and the person.
/// </summary>
internal static class ReferenceDossierInspector
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

    public static (string? Error, string? MaLk, string? Person) Inspect(byte[] document, string maCskcb)
    {
        string? envelopeFacility = null;
        string? xml1Base64 = null;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(document, writable: false), Settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "GIAMDINHHS")
            {
                var rootName = reader.NodeType == XmlNodeType.Element ? reader.LocalName : "?";
                return ($"Sai thẻ gốc {rootName}, cần GIAMDINHHS / wrong root {rootName}, expected GIAMDINHHS", null, null);
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
                    var (type, content) = ReadFileHoSo(reader);
                    if (type == "XML1" && xml1Base64 is null)
                    {
                        xml1Base64 = content;
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
            return ("fileHSBase64 không phải XML hợp lệ / fileHSBase64 is not well-formed XML", null, null);
        }

        if (string.IsNullOrEmpty(envelopeFacility) || envelopeFacility != maCskcb)
        {
            return ("MACSKCB của hồ sơ không khớp maCSKCB / the envelope MACSKCB does not match maCSKCB", null, null);
        }

        if (string.IsNullOrWhiteSpace(xml1Base64))
        {
            return ("Thiếu bảng XML1 / the XML1 table is missing", null, null);
        }

        byte[] xml1;
        try
        {
            xml1 = Convert.FromBase64String(xml1Base64);
        }
        catch (FormatException)
        {
            return ("NOIDUNGFILE của XML1 không phải base64 / NOIDUNGFILE of XML1 is not base64", null, null);
        }

        XElement? root;
        try
        {
            root = XDocument.Load(XmlReader.Create(new MemoryStream(xml1), Settings)).Root;
        }
        catch (XmlException)
        {
            root = null;
        }

        var summary = root is null ? null : root.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == "TONG_HOP");
        if (summary is null)
        {
            return ("XML1 không có TONG_HOP hợp lệ / XML1 holds no well-formed TONG_HOP", null, null);
        }

        if (Value(summary, "MA_LK") is not { } maLk)
        {
            return ("Thiếu MA_LK trong XML1 / MA_LK is missing in XML1", null, null);
        }

        if (Value(summary, "MA_CSKCB") is { } facility && facility != maCskcb)
        {
            return ("MA_CSKCB trong XML1 không khớp maCSKCB / MA_CSKCB of XML1 does not match maCSKCB", null, null);
        }

        return (null, maLk, Value(summary, "SO_CCCD") ?? Value(summary, "MA_THE_BHYT"));
    }

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

    private static string? Value(XElement parent, string localName)
    {
        var value = parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
