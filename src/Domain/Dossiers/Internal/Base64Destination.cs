namespace SoSucKhoe.Dossiers.Internal;

/// <summary>
/// Decodes the NOIDUNGFILE contents of one envelope into a single byte array, each table a slice of it, so a dossier costs one
/// allocation for all its decoded tables instead of one (plus a trimmed copy) per table. Decoding is exactly
/// <see cref="Convert.TryFromBase64Chars"/>: the same whitespace is ignored and the same input is refused.
/// </summary>
internal sealed class Base64Destination
{
    private readonly int _capacity;
    private byte[]? _bytes;
    private int _used;

    /// <summary>Sizes the array for every present content (the most bytes each can decode to).</summary>
    public Base64Destination(List<(string? LoaiHoSo, TextSegment? Content)> files)
    {
        long capacity = 0;
        foreach (var (_, content) in files)
        {
            if (content is { Length: > 0 } segment)
            {
                capacity += MaxDecodedLength(segment.Length);
            }
        }

        _capacity = (int)Math.Min(capacity, Array.MaxLength);
    }

    /// <summary>Decodes the next content; false (nothing kept) when it is not valid base64.</summary>
    public bool TryDecode(ReadOnlySpan<char> base64, out ReadOnlyMemory<byte> decoded)
    {
        _bytes ??= new byte[_capacity];
        var free = _bytes.AsSpan(_used);
        var needed = MaxDecodedLength(base64.Length);
        if (free.Length < needed)
        {
            // Not reached when every content is decoded once, in order: the array was sized for all of them.
            _bytes = new byte[needed];
            _used = 0;
            free = _bytes;
        }

        if (!Convert.TryFromBase64Chars(base64, free[..needed], out var written))
        {
            decoded = default;
            return false;
        }

        decoded = new ReadOnlyMemory<byte>(_bytes, _used, written);
        _used += written;
        return true;
    }

    private static int MaxDecodedLength(int chars) => (int)Math.Min(((chars + 3L) / 4) * 3, Array.MaxLength);
}
