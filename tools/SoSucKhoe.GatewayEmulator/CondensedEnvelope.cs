using System.Buffers;

namespace SoSucKhoe.GatewayEmulator;

/// <summary>
/// A dossier envelope with its large NOIDUNGFILE base64 texts cut out (see <see cref="EnvelopeCondenser"/>): the condensed bytes
/// in a pooled buffer, and for every unprefixed NOIDUNGFILE start tag in document order, where its cut text lies in the original.
/// </summary>
internal sealed class CondensedEnvelope(byte[] buffer, int length, List<Range> contents) : IDisposable
{
    private byte[]? _buffer = buffer;

    /// <summary>A read-only stream over the condensed document.</summary>
    public MemoryStream OpenRead() => new(_buffer ?? throw new ObjectDisposedException(nameof(CondensedEnvelope)), 0, length, writable: false);

    /// <summary>
    /// The text cut out of the <paramref name="occurrence"/>-th NOIDUNGFILE element (0-based, document order) as a range of the
    /// original document; false when that element kept its content (the reader sees it as it is).
    /// </summary>
    public bool TryGetCut(int occurrence, out Range text)
    {
        text = occurrence < contents.Count ? contents[occurrence] : default;
        return !text.Equals(default(Range));
    }

    public void Dispose()
    {
        if (_buffer is { } rented)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
