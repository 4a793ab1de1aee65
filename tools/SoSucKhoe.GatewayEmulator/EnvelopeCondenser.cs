using System.Buffers;

namespace SoSucKhoe.GatewayEmulator;

/// <summary>
/// Cuts the large base64 texts out of a UTF-8 dossier envelope before it is parsed, so that the XML reader tokenizes a few
/// kilobytes of markup instead of every table's base64.
/// </summary>
/// <remarks>
/// <para>
/// A text is cut only when it is exactly the content of <c>&lt;NOIDUNGFILE&gt;…&lt;/NOIDUNGFILE&gt;</c> (no attributes, no prefix,
/// nothing else inside), is at least <see cref="MinimumCutLength"/> bytes long and holds only base64 characters and XML white
/// space. Such a run of characters can never make element content ill-formed, so the condensed document is well-formed exactly
/// when the original is, and the cut text is what the reader would have returned for that element (line ends aside, which
/// base64 ignores).
/// </para>
/// <para>
/// Markup is recognized lexically: every '&lt;' outside comments, CDATA sections and processing instructions opens a tag (a
/// well-formed document has no raw '&lt;' in text or attribute values), so the n-th unprefixed NOIDUNGFILE start tag found here
/// is the n-th NOIDUNGFILE element an XML reader meets. Documents that are not plainly UTF-8 (another BOM or a declared encoding
/// other than UTF-8) or that hold a DOCTYPE are left alone.
/// </para>
/// </remarks>
internal static class EnvelopeCondenser
{
    /// <summary>Shorter texts are left for the reader: cutting them saves nothing.</summary>
    public const int MinimumCutLength = 128;

    private static readonly SearchValues<byte> Base64Text =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t\r\n"u8);

    private static readonly SearchValues<byte> XmlWhitespace = SearchValues.Create(" \t\r\n"u8);

    /// <summary>
    /// The condensed document, or null when nothing was cut (then read the original). Cut texts are given as ranges of
    /// <paramref name="document"/>.
    /// </summary>
    public static CondensedEnvelope? Condense(ArraySegment<byte> document)
    {
        var source = document.AsSpan();
        if (!IsPlainUtf8(source))
        {
            return null;
        }

        List<Range>? contents = null;
        byte[]? view = null;
        var viewLength = 0;
        var copied = 0;
        var scan = 0;
        while (scan >= 0)
        {
            var open = source[scan..].IndexOf((byte)'<');
            if (open < 0)
            {
                break;
            }

            open += scan;
            var rest = source[(open + 1)..];
            if (rest.StartsWith("!--"u8))
            {
                scan = After(source, open + 4, "-->"u8);
            }
            else if (rest.StartsWith("![CDATA["u8))
            {
                scan = After(source, open + 9, "]]>"u8);
            }
            else if (rest.StartsWith("?"u8))
            {
                scan = After(source, open + 2, "?>"u8);
            }
            else if (rest.StartsWith("!"u8))
            {
                scan = -1; // A DOCTYPE (refused by the reader) or junk: leave the document to the reader as it is.
            }
            else if (IsNoiDungFileStartTag(rest))
            {
                contents ??= [];
                var textStart = open + 1 + NoiDungFile.Length + 1;
                var textEnd = rest[NoiDungFile.Length] == (byte)'>' ? CuttableTextEnd(source, textStart) : -1;
                if (textEnd < 0)
                {
                    contents.Add(default);
                    scan = open + 1;
                }
                else
                {
                    view ??= ArrayPool<byte>.Shared.Rent(source.Length);
                    source[copied..textStart].CopyTo(view.AsSpan(viewLength));
                    viewLength += textStart - copied;
                    contents.Add(textStart..textEnd);
                    copied = textEnd;
                    scan = textEnd;
                }
            }
            else
            {
                scan = open + 1;
            }
        }

        if (view is null)
        {
            return null;
        }

        if (scan < 0)
        {
            ArrayPool<byte>.Shared.Return(view);
            return null;
        }

        source[copied..].CopyTo(view.AsSpan(viewLength));
        viewLength += source.Length - copied;
        return new CondensedEnvelope(view, viewLength, contents!);
    }

    private static ReadOnlySpan<byte> NoiDungFile => "NOIDUNGFILE"u8;

    /// <summary>The position after <paramref name="terminator"/> searched from <paramref name="from"/>; -1 when it is missing.</summary>
    private static int After(ReadOnlySpan<byte> source, int from, ReadOnlySpan<byte> terminator)
    {
        if (from > source.Length)
        {
            return -1;
        }

        var at = source[from..].IndexOf(terminator);
        return at < 0 ? -1 : from + at + terminator.Length;
    }

    /// <summary>True when <paramref name="tag"/> (the bytes after '&lt;') opens an unprefixed NOIDUNGFILE element.</summary>
    private static bool IsNoiDungFileStartTag(ReadOnlySpan<byte> tag) =>
        tag.Length > NoiDungFile.Length
        && tag.StartsWith(NoiDungFile)
        && tag[NoiDungFile.Length] is (byte)'>' or (byte)'/' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>
    /// Where the text starting at <paramref name="start"/> ends when it may be cut: it runs to the next '&lt;', which must open
    /// the NOIDUNGFILE end tag, is long enough and holds only base64 characters and white space (at least one base64 character).
    /// -1 otherwise.
    /// </summary>
    private static int CuttableTextEnd(ReadOnlySpan<byte> source, int start)
    {
        var length = source[start..].IndexOf((byte)'<');
        if (length < MinimumCutLength)
        {
            return -1;
        }

        var end = start + length;
        var text = source[start..end];
        var closing = source[(end + 1)..];
        var closes = closing.Length > NoiDungFile.Length + 1
            && closing[0] == (byte)'/'
            && closing[1..].StartsWith(NoiDungFile)
            && closing[NoiDungFile.Length + 1] is (byte)'>' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
        return closes && text.IndexOfAnyExcept(Base64Text) < 0 && text.IndexOfAnyExcept(XmlWhitespace) >= 0 ? end : -1;
    }

    /// <summary>
    /// True when an XML reader reads these bytes as UTF-8: no BOM or the UTF-8 one, a '&lt;' first (then no UTF-16/32 or EBCDIC
    /// detection applies) and, when there is an XML declaration, no encoding or UTF-8 declared.
    /// </summary>
    private static bool IsPlainUtf8(ReadOnlySpan<byte> document)
    {
        if (document.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            document = document[3..];
        }

        if (document.Length < 2 || document[0] != (byte)'<' || document[1] == 0)
        {
            return false;
        }

        if (!document.StartsWith("<?xml"u8) || document.Length < 6 || !XmlWhitespace.Contains(document[5]))
        {
            return true;
        }

        var end = document.IndexOf("?>"u8);
        if (end < 0)
        {
            return false;
        }

        var declaration = document[..end];
        var at = declaration.IndexOf("encoding"u8);
        if (at < 0)
        {
            return true;
        }

        var value = declaration[(at + "encoding".Length)..].TrimStart(" \t\r\n"u8);
        if (value.IsEmpty || value[0] != (byte)'=')
        {
            return false;
        }

        value = value[1..].TrimStart(" \t\r\n"u8);
        if (value.IsEmpty || value[0] is not ((byte)'"' or (byte)'\''))
        {
            return false;
        }

        var close = value[1..].IndexOf(value[0]);
        return close >= 0 && System.Text.Ascii.EqualsIgnoreCase(value.Slice(1, close), "utf-8"u8);
    }
}
