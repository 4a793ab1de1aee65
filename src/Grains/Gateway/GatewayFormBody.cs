using System.Buffers.Text;
using System.Text;

namespace SoSucKhoe.Grains.Gateway;

/// <summary>
/// Builds the application/x-www-form-urlencoded body of a data call. The document is base64-encoded from its exact bytes and
/// percent-encoded ('+', '/', '=' escaped) so that the gateway decodes the very same bytes.
/// </summary>
internal static class GatewayFormBody
{
    public const string ContentType = "application/x-www-form-urlencoded";

    public static byte[] Build(IReadOnlyList<KeyValuePair<string, string>> fields, string documentField, ReadOnlySpan<byte> document)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        }

        builder.Append(Uri.EscapeDataString(documentField)).Append('=');
        var head = Encoding.ASCII.GetBytes(builder.ToString());

        // Encode once, then copy while escaping the three base64 characters that are not form-safe.
        var encodedLength = Base64.GetMaxEncodedToUtf8Length(document.Length);
        var scratch = new byte[encodedLength];
        Base64.EncodeToUtf8(document, scratch, out _, out var written);
        var encoded = scratch.AsSpan(0, written);
        var escapes = encoded.Count((byte)'+') + encoded.Count((byte)'/') + encoded.Count((byte)'=');

        var body = new byte[head.Length + written + (2 * escapes)];
        head.CopyTo(body, 0);
        if (escapes == 0)
        {
            encoded.CopyTo(body.AsSpan(head.Length));
            return body;
        }

        var at = head.Length;
        foreach (var b in encoded)
        {
            switch (b)
            {
                case (byte)'+':
                    body[at++] = (byte)'%';
                    body[at++] = (byte)'2';
                    body[at++] = (byte)'B';
                    break;
                case (byte)'/':
                    body[at++] = (byte)'%';
                    body[at++] = (byte)'2';
                    body[at++] = (byte)'F';
                    break;
                case (byte)'=':
                    body[at++] = (byte)'%';
                    body[at++] = (byte)'3';
                    body[at++] = (byte)'D';
                    break;
                default:
                    body[at++] = b;
                    break;
            }
        }

        return body;
    }
}
