namespace SoSucKhoe.LoadTest.Reporting;

/// <summary>The small calculations of a report.</summary>
public static class ReportMath
{
    /// <summary>Accepted calls per second over the elapsed time; zero when no time elapsed.</summary>
    public static double PerSecond(long count, TimeSpan elapsed) =>
        elapsed <= TimeSpan.Zero ? 0 : Math.Round(count / elapsed.TotalSeconds, 2);

    /// <summary>
    /// <paramref name="size"/> items spread evenly over <paramref name="items"/> (first, last and equal steps between), or all
    /// of them when there are not more.
    /// </summary>
    public static IReadOnlyList<T> EvenSample<T>(IReadOnlyList<T> items, int size)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (size <= 0 || items.Count == 0)
        {
            return [];
        }

        if (items.Count <= size)
        {
            return items;
        }

        if (size == 1)
        {
            return [items[0]];
        }

        return [.. Enumerable.Range(0, size).Select(i => items[(int)Math.Round(i * (items.Count - 1) / (double)(size - 1))])];
    }
}
