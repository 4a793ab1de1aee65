using System.Xml;

namespace SoSucKhoe.TestData;

/// <summary>
/// Composes the GIAMDINHHS envelope: THONGTINDONVI/MACSKCB, THONGTINHOSO/NGAYLAP/SOLUONGHOSO/DANHSACHHOSO/HOSO/FILEHOSO*
/// (LOAIHOSO + NOIDUNGFILE = base64 of the inner table) and CHUKYDONVI (empty, or holding a given signature element).
/// No indentation, UTF-8 without BOM, with an XML declaration.
/// </summary>
public static class DossierEnvelope
{
    public static byte[] Compose(EnvelopeHeader header, IEnumerable<DossierTable> tables, string? signatureXml = null)
    {
        var list = tables as IReadOnlyCollection<DossierTable> ?? tables.ToList();
        var capacity = 1024 + list.Sum(t => t.Content.Length * 4 / 3 + 64);
        using var stream = new MemoryStream(capacity);
        using (var w = XmlWriter.Create(stream, TableWriter.Settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("GIAMDINHHS");
            w.WriteStartElement("THONGTINDONVI");
            Optional(w, "MACSKCB", header.MaCskcb);
            w.WriteEndElement();
            w.WriteStartElement("THONGTINHOSO");
            Optional(w, "NGAYLAP", header.NgayLap);
            Optional(w, "SOLUONGHOSO", header.SoLuongHoSo);
            w.WriteStartElement("DANHSACHHOSO");
            w.WriteStartElement("HOSO");
            foreach (var table in list)
            {
                w.WriteStartElement("FILEHOSO");
                w.WriteElementString("LOAIHOSO", table.Type);
                w.WriteStartElement("NOIDUNGFILE");
                w.WriteBase64(table.Content, 0, table.Content.Length);
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement("CHUKYDONVI");
            if (signatureXml is null)
            {
                w.WriteString(string.Empty);
            }
            else
            {
                w.WriteRaw(signatureXml);
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void Optional(XmlWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteElementString(name, value);
        }
    }
}
