using System.Text;
using SoSucKhoe.Dossiers.Reading;

namespace SoSucKhoe.Dossiers.Internal;

/// <summary>Byte-level checks done before any XML parsing: size, encoding, character count.</summary>
internal static class DocumentPrecheck
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> DoctypeMarker => "<!DOCTYPE"u8;

    /// <summary>Returns false with a rule and message when the document must not be parsed.</summary>
    public static bool Check(ReadOnlySpan<byte> document, DossierReaderOptions options, out string rule, out string message)
    {
        if (document.Length > options.MaxDocumentBytes)
        {
            rule = ViolationRules.XmlLimits;
            message = $"The document is larger than {options.MaxDocumentBytes} bytes.";
            return false;
        }

        if (document.IsEmpty)
        {
            rule = ViolationRules.XmlMalformed;
            message = "The document is empty.";
            return false;
        }

        if (options.RequireUtf8)
        {
            if (document.Length >= 2 && ((document[0] == 0xFE && document[1] == 0xFF) || (document[0] == 0xFF && document[1] == 0xFE)))
            {
                rule = ViolationRules.Encoding;
                message = "The document is UTF-16 encoded; the standard requires UTF-8.";
                return false;
            }

            if (document.Length >= 2 && (document[0] == 0 || document[1] == 0))
            {
                rule = ViolationRules.Encoding;
                message = "The document is not UTF-8 encoded (it starts with a zero byte).";
                return false;
            }

            var declared = DeclaredEncoding(document);
            if (declared is not null && !IsUtf8Label(declared))
            {
                rule = ViolationRules.Encoding;
                message = $"The XML declaration names the encoding {Sanitize(declared)}; the standard requires UTF-8.";
                return false;
            }

            if (!System.Text.Unicode.Utf8.IsValid(document))
            {
                rule = ViolationRules.Encoding;
                message = "The document contains bytes that are not valid UTF-8.";
                return false;
            }

            var chars = Encoding.UTF8.GetCharCount(document);
            if (chars > options.MaxCharactersInDocument)
            {
                rule = ViolationRules.XmlLimits;
                message = $"The document has more than {options.MaxCharactersInDocument} characters.";
                return false;
            }
        }

        rule = string.Empty;
        message = string.Empty;
        return true;
    }

    /// <summary>True when the document contains a DOCTYPE declaration (used to name the rule after the parser refused it).</summary>
    public static bool ContainsDoctype(ReadOnlySpan<byte> document) => document.IndexOf(DoctypeMarker) >= 0;

    /// <summary>The encoding named by the XML declaration, or null when there is no declaration or no encoding pseudo-attribute.</summary>
    internal static string? DeclaredEncoding(ReadOnlySpan<byte> document)
    {
        if (document.StartsWith(Utf8Bom))
        {
            document = document[3..];
        }

        if (!document.StartsWith("<?xml"u8))
        {
            return null;
        }

        var end = document.IndexOf("?>"u8);
        if (end < 0)
        {
            return null;
        }

        var declaration = document[..end];
        var at = declaration.IndexOf("encoding"u8);
        if (at < 0)
        {
            return null;
        }

        var rest = declaration[(at + 8)..].TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty || rest[0] != (byte)'=')
        {
            return null;
        }

        rest = rest[1..].TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty || (rest[0] != (byte)'"' && rest[0] != (byte)'\''))
        {
            return null;
        }

        var quote = rest[0];
        rest = rest[1..];
        var close = rest.IndexOf(quote);
        return close < 0 ? null : Encoding.ASCII.GetString(rest[..close]);
    }

    private static bool IsUtf8Label(string label) =>
        label.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || label.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private static string Sanitize(string label)
    {
        if (label.Length is > 0 and <= 40)
        {
            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_' and not '.' and not ':')
                {
                    return "(unreadable)";
                }
            }

            return "'" + label + "'";
        }

        return "(unreadable)";
    }
}
