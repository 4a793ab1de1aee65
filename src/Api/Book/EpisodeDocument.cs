using System.Globalization;
using System.Text;
using SoSucKhoe.Book;

namespace SoSucKhoe.Api.Book;

/// <summary>
/// Renders one visit of the book as a document for the citizen, in Vietnamese: a self-contained printable HTML page (inline
/// style, no script, no external resource; every value HTML-encoded) or plain text. Dates are Vietnam time,
/// dd/MM/yyyy HH:mm. Pure and thread-safe.
/// </summary>
public static class EpisodeDocument
{
    /// <summary>The document's title.</summary>
    public const string Title = "Tóm tắt đợt khám bệnh, chữa bệnh";

    /// <summary>The HTML media type of <see cref="RenderHtml"/>.</summary>
    public const string HtmlContentType = "text/html; charset=utf-8";

    /// <summary>The media type of <see cref="RenderText"/>.</summary>
    public const string TextContentType = "text/plain; charset=utf-8";

    private const string Style =
        "body{font-family:'Times New Roman',serif;font-size:13pt;margin:2cm;color:#000}" +
        "h1{font-size:16pt;text-align:center;text-transform:uppercase}" +
        "h2{font-size:13pt;margin-top:1.2em;border-bottom:1px solid #000}" +
        "dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em;margin:0}dt{font-weight:bold}dd{margin:0}" +
        "table{border-collapse:collapse;width:100%;font-size:11pt}th,td{border:1px solid #000;padding:2px 4px;text-align:left;vertical-align:top}" +
        "footer{margin-top:2em;font-size:10pt}@media print{body{margin:1cm}}";

    /// <summary>The visit as a complete HTML5 document (UTF-8).</summary>
    public static string RenderHtml(BookVisit visit, EpisodeDocumentContext? context = null)
    {
        var sections = EpisodeDocumentSections.Build(visit, context ?? new EpisodeDocumentContext());
        var html = new StringBuilder(8192);
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(Title)).Append(' ').Append(Encode(visit.MaLk))
            .Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<h1>")
            .Append(Encode(Title)).Append("</h1>\n");

        foreach (var section in sections.Body)
        {
            if (section.Heading is not null)
            {
                html.Append("<h2>").Append(Encode(section.Heading)).Append("</h2>\n");
            }

            if (section.Fields.Count > 0)
            {
                html.Append("<dl>\n");
                foreach (var (label, value) in section.Fields)
                {
                    html.Append("<dt>").Append(Encode(label)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>\n");
                }

                html.Append("</dl>\n");
            }

            if (section.Table is { } table)
            {
                html.Append("<table>\n<thead><tr>");
                foreach (var header in table.Headers)
                {
                    html.Append("<th>").Append(Encode(header)).Append("</th>");
                }

                html.Append("</tr></thead>\n<tbody>\n");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>");
                    foreach (var cell in row)
                    {
                        html.Append("<td>").Append(Encode(cell)).Append("</td>");
                    }

                    html.Append("</tr>\n");
                }

                html.Append("</tbody>\n</table>\n");
            }
        }

        html.Append("<footer>\n");
        foreach (var line in sections.Footer)
        {
            html.Append("<p>").Append(Encode(line)).Append("</p>\n");
        }

        html.Append("</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The visit as plain text (UTF-8, LF line ends), for clients that cannot show HTML.</summary>
    public static string RenderText(BookVisit visit, EpisodeDocumentContext? context = null)
    {
        var sections = EpisodeDocumentSections.Build(visit, context ?? new EpisodeDocumentContext());
        var text = new StringBuilder(4096);
        text.Append(Title.ToUpper(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var section in sections.Body)
        {
            text.Append('\n');
            if (section.Heading is not null)
            {
                text.Append(section.Heading).Append('\n').Append(new string('-', section.Heading.Length)).Append('\n');
            }

            foreach (var (label, value) in section.Fields)
            {
                text.Append(label).Append(": ").Append(OneLine(value)).Append('\n');
            }

            if (section.Table is { } table)
            {
                var n = 0;
                foreach (var row in table.Rows)
                {
                    n++;
                    text.Append(n.ToString(CultureInfo.InvariantCulture)).Append(". ");
                    var first = true;
                    for (var i = 0; i < row.Count; i++)
                    {
                        if (row[i].Length == 0)
                        {
                            continue;
                        }

                        if (!first)
                        {
                            text.Append("; ");
                        }

                        text.Append(table.Headers[i]).Append(": ").Append(OneLine(row[i]));
                        first = false;
                    }

                    text.Append('\n');
                }
            }
        }

        if (sections.Footer.Count > 0)
        {
            text.Append('\n');
            foreach (var line in sections.Footer)
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>HTML-encodes text for element content and quoted attribute values: &amp;, &lt;, &gt;, &quot; and &#39;. Other characters (Vietnamese letters included) stay as they are in UTF-8.</summary>
    public static string Encode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    private static string OneLine(string value) =>
        value.Contains('\n') || value.Contains('\r') ? value.ReplaceLineEndings(" ") : value;
}
