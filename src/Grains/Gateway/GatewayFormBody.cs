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

        var base64 = Convert.ToBase64String(document);
        var escapes = 0;
        foreach (var c in base64)
        {
            if (c is '+' or '/' or '=')
            {
                escapes++;
            }
        }

        var body = new byte[head.Length + base64.Length + (2 * escapes)];
        head.CopyTo(body, 0);
        var at = head.Length;
        foreach (var c in base64)
        {
            switch (c)
            {
                case '+':
                    body[at++] = (byte)'%';
                    body[at++] = (byte)'2';
                    body[at++] = (byte)'B';
                    break;
                case '/':
                    body[at++] = (byte)'%';
                    body[at++] = (byte)'2';
                    body[at++] = (byte)'F';
                    break;
                case '=':
                    body[at++] = (byte)'%';
                    body[at++] = (byte)'3';
                    body[at++] = (byte)'D';
                    break;
                default:
                    body[at++] = (byte)c;
                    break;
            }
        }

        return body;
    }
}
