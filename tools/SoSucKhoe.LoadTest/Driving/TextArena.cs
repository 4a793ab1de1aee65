using System.Text;

namespace SoSucKhoe.LoadTest.Driving;

/// <summary>
/// Short texts (MA_LK) of per-request records, kept as UTF-8 in chunks of plain bytes: a record holds an offset and a length
/// instead of a string, so the garbage collector has nothing to scan, and appending to a chunk allocates nothing (a new chunk
/// every mebibyte). Thread-safe.
/// </summary>
internal sealed class TextArena
{
    /// <summary>The longest text kept, in UTF-8 bytes (MA_LK is at most 100 characters).</summary>
    public const int MaxBytes = 1024;

    private const int ChunkBits = 20;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly List<byte[]> _chunks = [new byte[ChunkSize]];
    private readonly Lock _gate = new();
    private long _next;

    /// <summary>Copies <paramref name="text"/> in; its offset, or -1 (and length 0) for null, empty, too long or a full arena.</summary>
    public int Append(string? text, out short length)
    {
        length = 0;
        if (string.IsNullOrEmpty(text))
        {
            return -1;
        }

        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > MaxBytes)
        {
            return -1;
        }

        lock (_gate)
        {
            var within = (int)(_next & (ChunkSize - 1));
            if (within + bytes > ChunkSize)
            {
                _next += ChunkSize - within;
                within = 0;
            }

            if (_next + bytes > int.MaxValue)
            {
                return -1;
            }

            var chunk = (int)(_next >> ChunkBits);
            if (chunk == _chunks.Count)
            {
                _chunks.Add(new byte[ChunkSize]);
            }

            Encoding.UTF8.GetBytes(text, _chunks[chunk].AsSpan(within));
            var at = (int)_next;
            _next += bytes;
            length = (short)bytes;
            return at;
        }
    }

    /// <summary>The text stored at <paramref name="at"/>, or an empty string for -1.</summary>
    public string Read(int at, short length)
    {
        if (at < 0 || length <= 0)
        {
            return string.Empty;
        }

        lock (_gate)
        {
            return Encoding.UTF8.GetString(_chunks[at >> ChunkBits], at & (ChunkSize - 1), length);
        }
    }
}
