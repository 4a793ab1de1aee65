using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>
/// Builds the application/x-www-form-urlencoded body of a data call. The document is base64-encoded from its exact bytes and
/// percent-encoded ('+', '/', '=' escaped) so that the gateway decodes the very same bytes.
/// </summary>
internal static class GatewayFormBody
{
    public const string ContentType = "application/x-www-form-urlencoded";

    private static readonly SearchValues<byte> NotFormSafe = SearchValues.Create("+/="u8);

    public static byte[] Build(IReadOnlyList<KeyValuePair<string, string>> fields, string documentField, ReadOnlySpan<byte> document)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        }

        builder.Append(Uri.EscapeDataString(documentField)).Append('=');
        var head = Encoding.ASCII.GetBytes(builder.ToString());

        // Encode once into a pooled buffer, then copy the runs between the three base64 characters that are not form-safe
        // ('+', '/', '='; one in about 32 characters of a document), escaping each of them.
        var scratch = ArrayPool<byte>.Shared.Rent(Base64.GetMaxEncodedToUtf8Length(document.Length));
        try
        {
            Base64.EncodeToUtf8(document, scratch, out _, out var written);
            ReadOnlySpan<byte> encoded = scratch.AsSpan(0, written);
            var escapes = encoded.Count((byte)'+') + encoded.Count((byte)'/') + encoded.Count((byte)'=');
            var body = new byte[head.Length + written + (2 * escapes)];
            head.CopyTo(body, 0);
            var output = body.AsSpan(head.Length);
            int next;
            while ((next = encoded.IndexOfAny(NotFormSafe)) >= 0)
            {
                encoded[..next].CopyTo(output);
                output[next] = (byte)'%';
                (output[next + 1], output[next + 2]) = encoded[next] switch
                {
                    (byte)'+' => ((byte)'2', (byte)'B'),
                    (byte)'/' => ((byte)'2', (byte)'F'),
                    _ => ((byte)'3', (byte)'D'),
                };
                output = output[(next + 3)..];
                encoded = encoded[(next + 1)..];
            }

            encoded.CopyTo(output);
            return body;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }
}
