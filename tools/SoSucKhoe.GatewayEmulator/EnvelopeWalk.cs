using System.Xml;

namespace SoSucKhoe.GatewayEmulator;

/// <summary>
/// Walks a (possibly condensed) dossier envelope with an XML reader and numbers every unprefixed NOIDUNGFILE element it meets,
/// in document order, so that a cut text is found again (<see cref="CondensedEnvelope.TryGetCut"/>). Every element the walk
/// passes must go through <see cref="Visit"/>: skipping is done node by node for that reason.
/// </summary>
internal sealed class EnvelopeWalk(XmlReader reader, CondensedEnvelope? condensed)
{
    private int _noiDungFiles;

    /// <summary>Call on every element start tag the reader stops on: the number of a NOIDUNGFILE element, -1 for others.</summary>
    public int Visit() =>
        reader.NodeType == XmlNodeType.Element && reader.Prefix.Length == 0 && reader.LocalName == "NOIDUNGFILE" ? _noiDungFiles++ : -1;

    /// <summary>
    /// Reads one FILEHOSO (the reader on its start tag) and leaves the reader after its end tag. The content is kept only for an
    /// XML1 table (or while the type is not yet known, when NOIDUNGFILE comes before LOAIHOSO).
    /// </summary>
    public (string? Type, FileContent Content) ReadFileHoSo()
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return (null, default);
        }

        var depth = reader.Depth;
        string? type = null;
        FileContent content = default;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            var occurrence = Visit();
            switch (reader.LocalName)
            {
                case "LOAIHOSO":
                    type = reader.ReadElementContentAsString().Trim();
                    break;
                case "NOIDUNGFILE" when type is null or "XML1":
                    var text = reader.ReadElementContentAsString();
                    content = occurrence >= 0 && condensed is not null && condensed.TryGetCut(occurrence, out var cut)
                        ? new FileContent(null, cut)
                        : new FileContent(text, null);
                    break;
                default:
                    Skip();
                    break;
            }
        }

        reader.Read();
        return (type, type == "XML1" ? content : default);
    }

    /// <summary>Skips the element the reader is on (already visited), visiting its descendants; leaves the reader after it.</summary>
    private void Skip()
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            Visit();
            reader.Read();
        }

        reader.Read();
    }
}
