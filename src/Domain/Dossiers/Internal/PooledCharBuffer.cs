using System.Buffers;
using System.Xml;

namespace SoSucKhoe.Dossiers.Internal;

/// <summary>
/// A growable char buffer rented from <see cref="ArrayPool{T}.Shared"/> that collects the text of several elements of one
/// document read (the base64 NOIDUNGFILE contents of an envelope) without a string per text node. The used part is cleared
/// before the array goes back to the pool, so no document content lingers there. One instance serves one read. Arrays above
/// <see cref="MaxPooledChars"/> (a hostile envelope of tens of megabytes) are allocated and dropped instead: the shared pool
/// would otherwise keep them for the life of the process.
/// </summary>
internal sealed class PooledCharBuffer : IDisposable
{
    /// <summary>Free space guaranteed before asking the reader for the next chunk (a surrogate pair needs two chars).</summary>
    private const int MinimumChunk = 256;

    /// <summary>The largest array taken from and given back to the shared pool: 1 Mi chars (2 MiB).</summary>
    public const int MaxPooledChars = 1 << 20;

    private char[] _chars;
    private int _length;

    public PooledCharBuffer(int initialCapacity) => _chars = Rent(Math.Max(MinimumChunk, initialCapacity));

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
            Release(chars, _length);
        }

        _length = 0;
    }

    private void Grow()
    {
        var larger = Rent(checked(_chars.Length * 2));
        _chars.AsSpan(0, _length).CopyTo(larger);
        Release(_chars, _length);
        _chars = larger;
    }

    private static char[] Rent(int length) =>
        length <= MaxPooledChars ? ArrayPool<char>.Shared.Rent(length) : GC.AllocateUninitializedArray<char>(length);

    private static void Release(char[] chars, int used)
    {
        chars.AsSpan(0, used).Clear();
        if (chars.Length <= MaxPooledChars)
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
