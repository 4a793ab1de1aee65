namespace SoSucKhoe.TraceSummary;

/// <summary>Shares of the working samples per method: inclusive (on the stack) and exclusive (the leaf).</summary>
public sealed class CpuProfile
{
    private readonly Dictionary<string, int> _inclusive = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _exclusive = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _callers = new(StringComparer.Ordinal);

    private CpuProfile()
    {
    }

    /// <summary>Samples seen.</summary>
    public int Total { get; private set; }

    /// <summary>Samples of working threads (<see cref="SampleFilter.IsWork"/>) that passed the focus.</summary>
    public int Working { get; private set; }

    /// <summary>
    /// Builds the profile. With <paramref name="focus"/>, only samples with a frame containing it count; with
    /// <paramref name="callersOf"/>, the chain of up to <paramref name="callerDepth"/> callers above that frame is tallied too.
    /// </summary>
    public static CpuProfile Build(IEnumerable<StackSample> samples, string? focus = null, string? callersOf = null, int callerDepth = 4)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var profile = new CpuProfile();
        foreach (var sample in samples)
        {
            profile.Total++;
            if (!SampleFilter.IsWork(sample) || (focus is not null && !sample.Frames.Any(f => f.Contains(focus, StringComparison.Ordinal))))
            {
                continue;
            }

            profile.Working++;
            Add(profile._exclusive, sample.Frames[0]);
            foreach (var frame in sample.Frames.Distinct(StringComparer.Ordinal))
            {
                Add(profile._inclusive, frame);
            }

            if (callersOf is not null)
            {
                var at = FindIndex(sample.Frames, callersOf);
                if (at >= 0)
                {
                    var chain = sample.Frames.Skip(at + 1).Where(IsInteresting).Take(callerDepth);
                    Add(profile._callers, string.Join(" <- ", chain));
                }
            }
        }

        return profile;
    }

    /// <summary>The methods most often on the stack, with their share of the working samples.</summary>
    public IReadOnlyList<(string Method, double Share)> TopInclusive(int count) => Top(_inclusive, count);

    /// <summary>The methods most often at the leaf.</summary>
    public IReadOnlyList<(string Method, double Share)> TopExclusive(int count) => Top(_exclusive, count);

    /// <summary>The caller chains of the <c>callersOf</c> method, with their share of the samples that had it.</summary>
    public IReadOnlyList<(string Method, double Share)> TopCallers(int count)
    {
        var all = _callers.Values.Sum();
        return _callers.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(count)
            .Select(p => (p.Key, all == 0 ? 0 : (double)p.Value / all)).ToArray();
    }

    private (string Method, double Share)[] Top(Dictionary<string, int> counts, int count) =>
        counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(count)
            .Select(p => (p.Key, Working == 0 ? 0 : (double)p.Value / Working)).ToArray();

    /// <summary>Async plumbing frames say nothing about who called; the chain skips them unless they are the hub's own.</summary>
    private static bool IsInteresting(string frame) =>
        frame.StartsWith("SoSucKhoe", StringComparison.Ordinal)
        || !(frame.Contains("MoveNext", StringComparison.Ordinal) || frame.Contains("AsyncMethodBuilder", StringComparison.Ordinal)
             || frame.Contains("ExecutionContext.Run", StringComparison.Ordinal));

    private static int FindIndex(IReadOnlyList<string> frames, string method)
    {
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].Contains(method, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Add(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
