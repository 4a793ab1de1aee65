using System.Text;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// Hand-crafted hostile byte strings, and byte-level edits of valid documents (DOCTYPE insertion, re-encoding, truncation,
/// raw NOIDUNGFILE replacement) that no XML writer would produce.
/// </summary>
public static class HostileDocuments
{
    public const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The classic "billion laughs": <paramref name="levels"/> entities, each ten references to the previous one.</summary>
    public static string BillionLaughs(string root, int levels = 10)
    {
        var text = new StringBuilder(Declaration).Append("<!DOCTYPE ").Append(root).Append(" [<!ENTITY lol0 \"lol\">");
        for (var i = 1; i < levels; i++)
        {
            text.Append("<!ENTITY lol").Append(i).Append(" \"");
            for (var j = 0; j < 10; j++)
            {
                text.Append("&lol").Append(i - 1).Append(';');
            }

            text.Append("\">");
        }

        return text.Append("]><").Append(root).Append(">&lol").Append(levels - 1).Append(";</").Append(root).Append('>').ToString();
    }

    /// <summary>Quadratic blow-up: one large internal entity referenced many times (no nesting for a parser to count).</summary>
    public static string QuadraticBlowup(string root, int entityLength = 50_000, int references = 20_000)
    {
        var text = new StringBuilder(Declaration.Length + entityLength + (references * 3) + 100)
            .Append(Declaration).Append("<!DOCTYPE ").Append(root).Append(" [<!ENTITY a \"").Append('a', entityLength).Append("\">]><")
            .Append(root).Append('>');
        for (var i = 0; i < references; i++)
        {
            text.Append("&a;");
        }

        return text.Append("</").Append(root).Append('>').ToString();
    }

    /// <summary>An external entity (SYSTEM <paramref name="uri"/>) expanded inside <paramref name="field"/> of <paramref name="root"/>.</summary>
    public static string ExternalEntity(string root, string field, string uri) =>
        $"{Declaration}<!DOCTYPE {root} [<!ENTITY xxe SYSTEM \"{uri}\">]><{root}><{field}>&xxe;</{field}></{root}>";

    /// <summary>
    /// <paramref name="depth"/> nested <c>&lt;a&gt;</c> elements placed where <paramref name="prefix"/> ends, closed before
    /// <paramref name="suffix"/> (or left open when <paramref name="close"/> is false).
    /// </summary>
    public static byte[] Nested(string prefix, int depth, string suffix, bool close = true)
    {
        var text = new StringBuilder(prefix.Length + suffix.Length + (depth * 7));
        text.Append(prefix);
        text.Insert(text.Length, "<a>", depth);
        if (close)
        {
            text.Insert(text.Length, "</a>", depth);
            text.Append(suffix);
        }

        return Utf8(text.ToString());
    }

    /// <summary><paramref name="count"/> empty elements named <paramref name="element"/> between a prefix and a suffix.</summary>
    public static byte[] Repeated(string prefix, string element, int count, string suffix)
    {
        var item = Utf8($"<{element}/>");
        var head = Utf8(prefix);
        var tail = Utf8(suffix);
        var bytes = new byte[head.Length + (item.Length * count) + tail.Length];
        head.CopyTo(bytes, 0);
        for (var i = 0; i < count; i++)
        {
            item.CopyTo(bytes, head.Length + (i * item.Length));
        }

        tail.CopyTo(bytes, head.Length + (item.Length * count));
        return bytes;
    }

    /// <summary>A well-formed document of <paramref name="totalBytes"/> bytes: a root padded with <paramref name="filler"/> repeated.</summary>
    public static byte[] Padded(string root, string filler, int totalBytes)
    {
        var head = Utf8($"{Declaration}<{root}>");
        var tail = Utf8($"</{root}>");
        var unit = Utf8(filler);
        var bytes = new byte[totalBytes];
        head.CopyTo(bytes, 0);
        var end = totalBytes - tail.Length;
        var at = head.Length;
        while (at + unit.Length <= end)
        {
            unit.CopyTo(bytes, at);
            at += unit.Length;
        }

        bytes.AsSpan(at, end - at).Fill((byte)' ');
        tail.CopyTo(bytes, end);
        return bytes;
    }

    /// <summary>Inserts <paramref name="markup"/> right after the XML declaration (or at the start when there is none).</summary>
    public static byte[] AfterDeclaration(byte[] document, string markup)
    {
        var text = Encoding.UTF8.GetString(document);
        var end = text.StartsWith("<?xml", StringComparison.Ordinal) ? text.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        return Utf8(text.Insert(end, markup));
    }

    /// <summary>Replaces the first occurrence of <paramref name="oldValue"/> (which must exist) by <paramref name="newValue"/>.</summary>
    public static byte[] Replace(byte[] document, string oldValue, string newValue)
    {
        var text = Encoding.UTF8.GetString(document);
        var at = text.IndexOf(oldValue, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"'{oldValue}' is not in the document.");
        }

        return Utf8(string.Concat(text.AsSpan(0, at), newValue, text.AsSpan(at + oldValue.Length)));
    }

    /// <summary>Replaces the bytes of the first occurrence of ASCII <paramref name="marker"/> by raw <paramref name="replacement"/> bytes.</summary>
    public static byte[] ReplaceBytes(byte[] document, string marker, byte[] replacement)
    {
        var needle = Encoding.ASCII.GetBytes(marker);
        var at = document.AsSpan().IndexOf(needle);
        if (at < 0)
        {
            throw new InvalidOperationException($"'{marker}' is not in the document.");
        }

        return [.. document.AsSpan(0, at), .. replacement, .. document.AsSpan(at + needle.Length)];
    }

    /// <summary>The envelope with the raw text of <paramref name="table"/>'s NOIDUNGFILE replaced by <paramref name="content"/>.</summary>
    public static byte[] WithRawContent(byte[] envelope, string table, string content)
    {
        var text = Encoding.UTF8.GetString(envelope);
        var marker = $"<LOAIHOSO>{table}</LOAIHOSO><NOIDUNGFILE>";
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"The envelope has no {table}.");
        }

        start += marker.Length;
        var end = text.IndexOf("</NOIDUNGFILE>", start, StringComparison.Ordinal);
        return Utf8(string.Concat(text.AsSpan(0, start), content, text.AsSpan(end)));
    }

    /// <summary>The raw NOIDUNGFILE text of <paramref name="table"/>.</summary>
    public static string RawContent(byte[] envelope, string table)
    {
        var text = Encoding.UTF8.GetString(envelope);
        var marker = $"<LOAIHOSO>{table}</LOAIHOSO><NOIDUNGFILE>";
        var start = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return text[start..text.IndexOf("</NOIDUNGFILE>", start, StringComparison.Ordinal)];
    }

    /// <summary>The first <paramref name="length"/> bytes.</summary>
    public static byte[] Truncated(byte[] document, int length) => document.AsSpan(0, length).ToArray();

    /// <summary>Cut just before the first '&lt;' at or after <paramref name="fraction"/> of the length (so never inside a UTF-8 sequence).</summary>
    public static byte[] CutBeforeTag(byte[] document, double fraction)
    {
        var from = (int)(document.Length * fraction);
        var at = document.AsSpan(from).IndexOf((byte)'<');
        return Truncated(document, at < 0 ? from : from + at);
    }

    /// <summary>The document's text re-encoded (the declaration is left as it is: it still says utf-8).</summary>
    public static byte[] Reencoded(byte[] document, Encoding encoding, bool bom)
    {
        var text = Encoding.UTF8.GetString(document);
        return bom ? [.. encoding.GetPreamble(), .. encoding.GetBytes(text)] : encoding.GetBytes(text);
    }

    /// <summary>The document with its declaration naming <paramref name="encoding"/>; the bytes stay UTF-8.</summary>
    public static byte[] Declaring(byte[] document, string encoding) =>
        Replace(document, "encoding=\"utf-8\"", $"encoding=\"{encoding}\"");

    /// <summary>The document with the first occurrence of <paramref name="marker"/> followed by raw Latin-1 bytes of <paramref name="text"/>.</summary>
    public static byte[] WithLatin1After(byte[] document, string marker, string text) =>
        ReplaceBytes(document, marker, [.. Encoding.ASCII.GetBytes(marker), .. Encoding.Latin1.GetBytes(text)]);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
