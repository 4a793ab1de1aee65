using System.Buffers;
using System.Buffers.Text;
using System.Text;
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

    public static DocumentInspection Inspect(ReceivedKind kind, ArraySegment<byte> document, string maCskcb) =>
        kind == ReceivedKind.CheckIn ? InspectCheckIn(document, maCskcb) : InspectDossier(document, maCskcb);

    private static DocumentInspection InspectCheckIn(ArraySegment<byte> document, string maCskcb)
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
        var days = new List<DateOnly>();
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
            if (DocumentFacts.Day(Value(row, "NGAY_VAO") ?? Value(row, "NGAY_YL")) is { } day)
            {
                days.Add(day);
            }
        }

        return new DocumentInspection(new DocumentFacts(maLks, person, days), null);
    }

    private static DocumentInspection InspectDossier(ArraySegment<byte> document, string maCskcb)
    {
        // Streamed over the envelope with its large base64 texts cut out (EnvelopeCondenser); only XML1's is decoded.
        string? envelopeFacility = null;
        FileContent xml1 = default;
        using (var condensed = EnvelopeCondenser.Condense(document))
        {
            try
            {
                using var stream = condensed?.OpenRead() ?? OpenRead(document);
                using var reader = XmlReader.Create(stream, Settings);
                if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "GIAMDINHHS")
                {
                    var rootName = reader.NodeType == XmlNodeType.Element ? reader.LocalName : "?";
                    return DocumentInspection.Fail($"Sai thẻ gốc {rootName}, cần GIAMDINHHS / wrong root {rootName}, expected GIAMDINHHS");
                }

                var walk = new EnvelopeWalk(reader, condensed);
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
                        if (walk.ReadFileHoSo() is { Type: "XML1" } file && !xml1.IsPresent)
                        {
                            xml1 = file.Content;
                        }
                    }
                    else
                    {
                        walk.Visit();
                        reader.Read();
                    }
                }
            }
            catch (XmlException)
            {
                return DocumentInspection.Fail("fileHSBase64 không phải XML hợp lệ / fileHSBase64 is not well-formed XML");
            }
        }

        if (string.IsNullOrEmpty(envelopeFacility) || !string.Equals(envelopeFacility, maCskcb, StringComparison.Ordinal))
        {
            return DocumentInspection.Fail("MACSKCB của hồ sơ không khớp maCSKCB / the envelope MACSKCB does not match maCSKCB");
        }

        if (xml1.Cut is null && string.IsNullOrWhiteSpace(xml1.Text))
        {
            return DocumentInspection.Fail("Thiếu bảng XML1 / the XML1 table is missing");
        }

        SummaryFacts? summary;
        byte[]? rented = null;
        try
        {
            byte[] table;
            int tableLength;
            if (xml1.Cut is { } cut)
            {
                var base64 = document.AsSpan()[cut];
                rented = ArrayPool<byte>.Shared.Rent(Base64.GetMaxDecodedFromUtf8Length(base64.Length));
                if (Base64.DecodeFromUtf8(base64, rented, out _, out tableLength) == OperationStatus.Done)
                {
                    table = rented;
                }
                else if (FromBase64(Encoding.ASCII.GetString(base64)) is { } decoded)
                {
                    // White space inside the base64 (line breaks): the tolerant decoder, as for a text read by the reader.
                    (table, tableLength) = (decoded, decoded.Length);
                }
                else
                {
                    return NotBase64();
                }
            }
            else if (FromBase64(xml1.Text!) is { } decoded)
            {
                (table, tableLength) = (decoded, decoded.Length);
            }
            else
            {
                return NotBase64();
            }

            using var stream = new MemoryStream(table, 0, tableLength, writable: false);
            summary = SummaryReader.Read(stream, Settings);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        if (summary is null)
        {
            return DocumentInspection.Fail("XML1 không có TONG_HOP hợp lệ / XML1 holds no well-formed TONG_HOP");
        }

        if (summary.MaLk is not { } maLk)
        {
            return DocumentInspection.Fail("Thiếu MA_LK trong XML1 / MA_LK is missing in XML1");
        }

        if (summary.MaCskcb is { } summaryFacility && !string.Equals(summaryFacility, maCskcb, StringComparison.Ordinal))
        {
            return DocumentInspection.Fail("MA_CSKCB trong XML1 không khớp maCSKCB / MA_CSKCB of XML1 does not match maCSKCB");
        }

        var person = summary.SoCccd ?? summary.MaTheBhyt;
        var end = DocumentFacts.Day(summary.NgayRa) ?? DocumentFacts.Day(summary.NgayVao);
        return new DocumentInspection(new DocumentFacts([maLk], person, end is { } day ? [day] : []), null);

        static DocumentInspection NotBase64() =>
            DocumentInspection.Fail("NOIDUNGFILE của XML1 không phải base64 / NOIDUNGFILE of XML1 is not base64");
    }

    private static byte[]? FromBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static MemoryStream OpenRead(ArraySegment<byte> bytes) => new(bytes.Array!, bytes.Offset, bytes.Count, writable: false);

    private static XElement? Load(ArraySegment<byte> bytes)
    {
        try
        {
            using var stream = OpenRead(bytes);
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
