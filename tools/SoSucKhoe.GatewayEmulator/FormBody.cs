using System.Buffers;
using System.Text;

namespace SoSucKhoe.GatewayEmulator;

/// <summary>
/// A fast reader of application/x-www-form-urlencoded bodies for large documents: the body is read once into a pooled buffer and
/// percent-decoded in place (plain runs moved as blocks); the document field is base64-decoded straight from those bytes into a
/// second pooled buffer, without intermediate strings or per-request arrays.
/// </summary>
internal sealed class FormBody : IDisposable
{
    private readonly byte[] _buffer;
    private readonly Dictionary<string, (int Start, int Length)> _fields = new(StringComparer.Ordinal);
    private List<byte[]>? _decoded;

    private FormBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        var span = buffer.AsSpan(0, length);
        var at = 0;
        while (at < length)
        {
            var end = span[at..].IndexOf((byte)'&');
            end = end < 0 ? length : at + end;
            var pair = span[at..end];
            var equals = pair.IndexOf((byte)'=');
            if (equals > 0)
            {
                var nameLength = DecodeInPlace(pair[..equals]);
                var name = Encoding.UTF8.GetString(pair[..nameLength]);
                var valueLength = DecodeInPlace(pair[(equals + 1)..]);
                _fields[name] = (at + equals + 1, valueLength);
            }

            at = end + 1;
        }
    }

    /// <summary>Reads the form; null when the request is not form-encoded or exceeds <paramref name="maxBytes"/>.</summary>
    public static async Task<FormBody?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var contentType = request.ContentType;
        if (contentType is null || !contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (request.ContentLength is { } declared)
        {
            if (declared > maxBytes)
            {
                return null;
            }

            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(1, declared));
            try
            {
                await request.Body.ReadExactlyAsync(buffer.AsMemory(0, (int)declared), cancellationToken).ConfigureAwait(false);
                return new FormBody(buffer, (int)declared);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }

        var chunked = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == chunked.Length)
                {
                    if (chunked.Length >= maxBytes)
                    {
                        ArrayPool<byte>.Shared.Return(chunked);
                        return null;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes, chunked.Length * 2));
                    chunked.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(chunked);
                    chunked = larger;
                }

                var read = await request.Body.ReadAsync(chunked.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    ArrayPool<byte>.Shared.Return(chunked);
                    return null;
                }
            }

            return new FormBody(chunked, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(chunked);
            throw;
        }
    }

    /// <summary>The trimmed text of a field; null when missing or blank.</summary>
    public string? Text(string name)
    {
        if (!_fields.TryGetValue(name, out var field))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(_buffer, field.Start, field.Length).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// The base64-decoded bytes of a field, in a pooled buffer this form owns (valid until it is disposed); null when missing,
    /// empty or not base64.
    /// </summary>
    public ArraySegment<byte>? Base64(string name)
    {
        if (!_fields.TryGetValue(name, out var field) || field.Length == 0)
        {
            return null;
        }

        var encoded = _buffer.AsSpan(field.Start, field.Length);
        var decoded = ArrayPool<byte>.Shared.Rent(Base64Decoded(encoded));
        (_decoded ??= []).Add(decoded);
        if (System.Buffers.Text.Base64.DecodeFromUtf8(encoded, decoded, out _, out var written) == OperationStatus.Done)
        {
            return new ArraySegment<byte>(decoded, 0, written);
        }

        // Whitespace or line breaks inside the base64: the tolerant (slower) decoder.
        try
        {
            return Convert.FromBase64String(Encoding.ASCII.GetString(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        if (_decoded is { } decoded)
        {
            _decoded = null;
            foreach (var buffer in decoded)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static int Base64Decoded(ReadOnlySpan<byte> encoded) =>
        System.Buffers.Text.Base64.GetMaxDecodedFromUtf8Length(encoded.Length);

    /// <summary>
    /// Percent-decodes (and turns '+' into space) in place; returns the decoded length. Runs of plain bytes are found with a
    /// vectorized search and moved as blocks; a '%' not followed by two hex digits stays as it is.
    /// </summary>
    private static int DecodeInPlace(Span<byte> span)
    {
        var read = span.IndexOfAny((byte)'%', (byte)'+');
        if (read < 0)
        {
            return span.Length;
        }

        var write = read;
        while (read < span.Length)
        {
            var b = span[read];
            if (b == (byte)'+')
            {
                b = (byte)' ';
            }
            else if (b == (byte)'%' && read + 2 < span.Length
                     && HexValue(span[read + 1]) is var high and >= 0 && HexValue(span[read + 2]) is var low and >= 0)
            {
                b = (byte)((high << 4) | low);
                read += 2;
            }

            span[write++] = b;
            read++;

            var plain = span[read..].IndexOfAny((byte)'%', (byte)'+');
            if (plain < 0)
            {
                plain = span.Length - read;
            }

            span.Slice(read, plain).CopyTo(span[write..]);
            read += plain;
            write += plain;
        }

        return write;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
