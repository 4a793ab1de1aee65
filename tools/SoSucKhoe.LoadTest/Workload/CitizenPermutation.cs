namespace SoSucKhoe.LoadTest.Workload;

/// <summary>
/// Maps dossier indexes onto citizen indexes so that indexes 0 … N − 1 reach N different citizens, in an order that jumps
/// across the whole population (and so across districts and facilities): <c>(offset + index × stride) mod N</c>, with a stride
/// coprime to N near N × 0.618, which makes the map a bijection on each run of N consecutive indexes.
/// </summary>
public sealed class CitizenPermutation
{
    private readonly long _count;
    private readonly long _stride;
    private readonly long _offset;

    public CitizenPermutation(long count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _count = count;
        _stride = Math.Max(1, (long)(count * 0.6180339887));
        while (Gcd(_stride, count) != 1)
        {
            _stride++;
        }

        _offset = (long)((uint)seed % (ulong)count);
    }

    /// <summary>The citizen index of dossier <paramref name="index"/>.</summary>
    public long CitizenAt(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var step = (long)((UInt128)(ulong)(index % _count) * (ulong)_stride % (ulong)_count);
        return (_offset + step) % _count;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
