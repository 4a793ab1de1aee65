namespace SoSucKhoe.TestData;

/// <summary>Derives independent, reproducible sub-seeds (SplitMix64 finaliser); stable across runs and platforms.</summary>
internal static class SeedMixer
{
    public static int Mix(int seed, long stream, long index)
    {
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)stream * 0xBF58476D1CE4E5B9UL + (ulong)index * 0x94D049BB133111EBUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return unchecked((int)z);
    }

    /// <summary>A bijection of [0, modulus) when <paramref name="multiplier"/> is coprime to the modulus.</summary>
    public static long Permute(long index, long multiplier, long offset, long modulus) =>
        (long)(((UInt128)(ulong)index * (ulong)multiplier + (ulong)offset) % (ulong)modulus);
}
