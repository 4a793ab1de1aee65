using System.Globalization;

namespace SoSucKhoe.LoadTest.Workload;

/// <summary>
/// The share of each <see cref="DossierSize"/> among generated dossiers, parsed from <c>--size-mix</c>
/// ("outpatient:80,inpatient:15,long:5"; weights are relative, need not add up to 100).
/// </summary>
public sealed class SizeMix
{
    private readonly (DossierSize Size, double Weight)[] _entries;
    private readonly double _total;

    private SizeMix((DossierSize Size, double Weight)[] entries)
    {
        _entries = entries;
        _total = entries.Sum(static e => e.Weight);
    }

    /// <summary>The sizes and their weights, in the order given.</summary>
    public IReadOnlyList<(DossierSize Size, double Weight)> Entries => _entries;

    /// <summary>Parses "name:weight,name:weight"; names are outpatient, inpatient and long.</summary>
    /// <exception cref="UsageException">The text is not a valid mix.</exception>
    public static SizeMix Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<(DossierSize, double)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0
                || !Enum.TryParse<DossierSize>(part[..colon].Trim(), ignoreCase: true, out var size)
                || !Enum.IsDefined(size)
                || !double.TryParse(part[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight)
                || weight < 0 || double.IsInfinity(weight))
            {
                throw new UsageException($"--size-mix: '{part}' is not size:weight with size outpatient, inpatient or long");
            }

            if (entries.Exists(e => e.Item1 == size))
            {
                throw new UsageException($"--size-mix names {part[..colon]} twice");
            }

            entries.Add((size, weight));
        }

        if (entries.Count == 0 || entries.Sum(static e => e.Item2) <= 0)
        {
            throw new UsageException("--size-mix needs at least one size with a positive weight");
        }

        return new SizeMix([.. entries]);
    }

    /// <summary>Picks a size for a uniform number in [0, 1).</summary>
    public DossierSize Pick(double uniform)
    {
        var target = uniform * _total;
        foreach (var (size, weight) in _entries)
        {
            if (target < weight)
            {
                return size;
            }

            target -= weight;
        }

        return _entries.Last(static e => e.Weight > 0).Size;
    }

    /// <summary>The share of <paramref name="size"/> in [0, 1].</summary>
    public double Share(DossierSize size) => _entries.Where(e => e.Size == size).Sum(static e => e.Weight) / _total;

    public override string ToString() =>
        string.Join(',', _entries.Select(static e => string.Create(CultureInfo.InvariantCulture, $"{e.Size.ToString().ToLowerInvariant()}:{e.Weight}")));
}
