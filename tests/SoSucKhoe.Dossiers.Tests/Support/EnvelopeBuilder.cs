using System.Text;

namespace SoSucKhoe.Dossiers.Tests.Support;

/// <summary>Builds GIAMDINHHS envelopes; tables are base64-encoded UTF-8 unless given as raw NOIDUNGFILE text.</summary>
internal sealed class EnvelopeBuilder
{
    private readonly List<(string Loai, string Content)> _files = [];

    public string FacilityCode { get; set; } = Fixtures.Facility;

    public string NgayLap { get; set; } = "20250310";

    public string? SoLuongHoSo { get; set; } = "1";

    public string Signature { get; set; } = "<CHUKYDONVI/>";

    public EnvelopeBuilder Table(string loai, string xml) => TableBytes(loai, Encoding.UTF8.GetBytes(xml));

    public EnvelopeBuilder TableBytes(string loai, byte[] bytes) => RawContent(loai, Convert.ToBase64String(bytes));

    public EnvelopeBuilder RawContent(string loai, string noiDungFile)
    {
        _files.Add((loai, noiDungFile));
        return this;
    }

    public EnvelopeBuilder Without(string loai)
    {
        _files.RemoveAll(f => f.Loai == loai);
        return this;
    }

    public EnvelopeBuilder Replace(string loai, string xml) => Without(loai).Table(loai, xml);

    public string BuildString()
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        sb.Append("<GIAMDINHHS xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">\n");
        sb.Append("  <THONGTINDONVI>\n    <MACSKCB>").Append(FacilityCode).Append("</MACSKCB>\n  </THONGTINDONVI>\n");
        sb.Append("  <THONGTINHOSO>\n    <NGAYLAP>").Append(NgayLap).Append("</NGAYLAP>\n");
        if (SoLuongHoSo is not null)
        {
            sb.Append("    <SOLUONGHOSO>").Append(SoLuongHoSo).Append("</SOLUONGHOSO>\n");
        }

        sb.Append("    <DANHSACHHOSO>\n      <HOSO>\n");
        foreach (var (loai, content) in _files)
        {
            sb.Append("        <FILEHOSO>\n          <LOAIHOSO>").Append(loai).Append("</LOAIHOSO>\n          <NOIDUNGFILE>")
                .Append(content).Append("</NOIDUNGFILE>\n        </FILEHOSO>\n");
        }

        sb.Append("      </HOSO>\n    </DANHSACHHOSO>\n  </THONGTINHOSO>\n  ").Append(Signature).Append("\n</GIAMDINHHS>");
        return sb.ToString();
    }

    public byte[] Build() => Encoding.UTF8.GetBytes(BuildString());
}
