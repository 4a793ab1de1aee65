using System.Buffers;
using System.Xml;

namespace SoSucKhoe.Dossiers.Internal;

/// <summary>
/// A growable char buffer rented from <see cref="ArrayPool{T}.Shared"/> that collects the text of several elements of one
/// document read (the base64 NOIDUNGFILE contents of an envelope) without a string per text node. The used part is cleared
/// before the array goes back to the pool, so no document content lingers there. One instance serves one read.
/// </summary>
internal sealed class PooledCharBuffer : IDisposable
{
    /// <summary>Free space guaranteed before asking the reader for the next chunk (a surrogate pair needs two chars).</summary>
    private const int MinimumChunk = 256;

    private char[] _chars;
    private int _length;

    public PooledCharBuffer(int initialCapacity) =>
        _chars = ArrayPool<char>.Shared.Rent(Math.Max(MinimumChunk, initialCapacity));

    /// <summary>Chars written so far.</summary>
    public int Length => _length;

    /// <summary>The chars of a segment returned by <see cref="AppendValueChunks"/> (valid until the next append).</summary>
    public ReadOnlySpan<char> this[TextSegment segment] => _chars.AsSpan(segment.Start, segment.Length);

    /// <summary>Appends the whole value of the reader's current text node; returns the number of chars appended.</summary>
    public int AppendValueChunks(XmlReader reader)
    {
        var total = 0;
        while (true)
        {
            if (_chars.Length - _length < MinimumChunk)
            {
                Grow();
            }

            var read = reader.ReadValueChunk(_chars, _length, _chars.Length - _length);
            if (read == 0)
            {
                return total;
            }

            _length += read;
            total += read;
        }
    }

    public void Dispose()
    {
        var chars = _chars;
        _chars = [];
        if (chars.Length > 0)
        {
            chars.AsSpan(0, _length).Clear();
            ArrayPool<char>.Shared.Return(chars);
        }

        _length = 0;
    }

    private void Grow()
    {
        var larger = ArrayPool<char>.Shared.Rent(checked(_chars.Length * 2));
        _chars.AsSpan(0, _length).CopyTo(larger);
        _chars.AsSpan(0, _length).Clear();
        ArrayPool<char>.Shared.Return(_chars);
        _chars = larger;
    }
}
