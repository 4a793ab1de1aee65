using System.Security;
using System.Text;
using SoSucKhoe.Dossiers.Reading;

namespace SoSucKhoe.Dossiers.Tests.Support;

/// <summary>Writes inner tables as the HIS would, from ordered field lists.</summary>
internal static class TableXml
{
    public static string Single(string code, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var spec = TableSpecs.Get(code);
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<").Append(spec.Root).Append(">\n");
        AppendFields(sb, fields, "  ");
        sb.Append("</").Append(spec.Root).Append('>');
        return sb.ToString();
    }

    public static string List(string code, IEnumerable<IEnumerable<KeyValuePair<string, string>>> rows)
    {
        var spec = code == "XML0" ? TableSpecs.CheckIn : TableSpecs.Get(code);
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<").Append(spec.Root).Append(">\n  <").Append(spec.List).Append(">\n");
        foreach (var row in rows)
        {
            sb.Append("    <").Append(spec.Row).Append(">\n");
            AppendFields(sb, row, "      ");
            sb.Append("    </").Append(spec.Row).Append(">\n");
        }

        sb.Append("  </").Append(spec.List).Append(">\n");
        if (code == "XML0")
        {
            sb.Append("  <CHUKYDONVI/>\n");
        }

        sb.Append("</").Append(spec.Root).Append('>');
        return sb.ToString();
    }

    private static void AppendFields(StringBuilder sb, IEnumerable<KeyValuePair<string, string>> fields, string indent)
    {
        foreach (var (name, value) in fields)
        {
            sb.Append(indent).Append('<').Append(name);
            if (value.Length == 0)
            {
                sb.Append("/>\n");
            }
            else
            {
                sb.Append('>').Append(SecurityElement.Escape(value)).Append("</").Append(name).Append(">\n");
            }
        }
    }
}
