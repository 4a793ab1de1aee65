namespace SoSucKhoe.TestData;

/// <summary>Small helpers over a seeded <see cref="Random"/>; never use a shared or unseeded instance.</summary>
internal static class RandomExtensions
{
    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static string Digits(this Random random, int count)
    {
        Span<char> buffer = stackalloc char[count];
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (char)('0' + random.Next(10));
        }

        return new string(buffer);
    }
}
