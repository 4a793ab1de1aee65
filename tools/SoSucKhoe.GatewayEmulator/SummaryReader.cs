using System.Text;
using System.Xml;

namespace SoSucKhoe.GatewayEmulator;

/// <summary>
/// Reads the XML1 table in one streaming pass: the whole document must be well-formed, the first TONG_HOP element (the root or
/// any descendant, in document order) supplies MA_LK, MA_CSKCB, SO_CCCD and MA_THE_BHYT. A field is the text of the first child
/// element of that name, all its descendant text and CDATA included, as an element's <c>Value</c> would give it.
/// </summary>
internal static class SummaryReader
{
    /// <summary>The TONG_HOP children read, in the order of <see cref="SummaryFacts"/>' parameters.</summary>
    private static readonly string[] Fields = ["MA_LK", "MA_CSKCB", "SO_CCCD", "MA_THE_BHYT", "NGAY_VAO", "NGAY_RA"];

    /// <summary>The facts of the first TONG_HOP; null when the table is not well-formed XML or holds no TONG_HOP.</summary>
    public static SummaryFacts? Read(Stream xml1, XmlReaderSettings settings)
    {
        // Indexed like Fields; a field is taken from its first element only, even when that one is empty.
        var values = new string?[Fields.Length];
        Span<bool> seen = stackalloc bool[Fields.Length];
        var summaryDepth = -1;
        var summaryDone = false;
        StringBuilder? text = null;
        try
        {
            using var reader = XmlReader.Create(xml1, settings);
            while (reader.Read())
            {
                if (summaryDone)
                {
                    continue;
                }

                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    summaryDone = reader.Depth == summaryDepth;
                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (summaryDepth < 0)
                {
                    if (reader.LocalName == "TONG_HOP")
                    {
                        summaryDepth = reader.Depth;
                        summaryDone = reader.IsEmptyElement;
                    }

                    continue;
                }

                if (reader.Depth != summaryDepth + 1)
                {
                    continue;
                }

                var field = Array.IndexOf(Fields, reader.LocalName);
                if (field >= 0 && !seen[field])
                {
                    seen[field] = true;
                    values[field] = ElementText(reader, ref text);
                }
            }
        }
        catch (XmlException)
        {
            return null;
        }

        return summaryDepth < 0 ? null : new SummaryFacts(values[0], values[1], values[2], values[3], values[4], values[5]);
    }

    /// <summary>
    /// The trimmed text of the element the reader is on (null when empty), leaving the reader on its end tag (or on the element
    /// itself when it is empty).
    /// </summary>
    private static string? ElementText(XmlReader reader, ref StringBuilder? buffer)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        var depth = reader.Depth;
        string? single = null;
        buffer?.Clear();
        var pieces = 0;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                if (pieces++ == 0)
                {
                    single = reader.Value;
                }
                else
                {
                    buffer ??= new StringBuilder();
                    if (pieces == 2)
                    {
                        buffer.Clear().Append(single);
                    }

                    buffer.Append(reader.Value);
                }
            }
        }

        var value = (pieces > 1 ? buffer!.ToString() : single ?? string.Empty).Trim();
        return value.Length == 0 ? null : value;
    }
}
