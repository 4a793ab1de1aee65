using System.Globalization;

namespace SoSucKhoe.LoadTest.Drill;

/// <summary>
/// One planned stop of a hub node during a drill: when (from the start of the measured run), how (SIGKILL of the node's process
/// group, or SIGTERM for a graceful stop) and which node (1 = the first <c>--hub-command</c>).
/// </summary>
public sealed record KillEvent(TimeSpan At, bool Graceful = false, int Node = 1)
{
    /// <summary>The signal's name as the report shows it.</summary>
    public string Signal => Graceful ? "TERM" : "KILL";

    /// <summary>
    /// Parses <c>--kills</c>: a comma-separated list of <c>&lt;time&gt;[:term|:kill][@node]</c>, e.g. <c>20s,45s:term,30s@2</c>,
    /// returned in time order.
    /// </summary>
    /// <exception cref="UsageException">An item is not of that form, or two fall at the same moment on the same node.</exception>
    public static IReadOnlyList<KillEvent> ParseList(string text, int nodes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var events = new List<KillEvent>();
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var item = raw;
            var node = 1;
            var at = item.IndexOf('@', StringComparison.Ordinal);
            if (at >= 0)
            {
                if (!int.TryParse(item[(at + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out node) || node < 1 || node > nodes)
                {
                    throw new UsageException($"--kills: '{raw}' names node '{item[(at + 1)..]}'; nodes are 1 to {nodes} (one per --hub-command)");
                }

                item = item[..at];
            }

            var graceful = item.EndsWith(":term", StringComparison.OrdinalIgnoreCase);
            if (graceful || item.EndsWith(":kill", StringComparison.OrdinalIgnoreCase))
            {
                item = item[..^":term".Length];
            }

            events.Add(new KillEvent(ArgumentParser.ParseDuration(item), graceful, node));
        }

        if (events.Count == 0)
        {
            throw new UsageException("--kills needs at least one time, e.g. --kills 20s,45s");
        }

        var ordered = events.OrderBy(static e => e.At).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].At == ordered[i - 1].At && ordered[i].Node == ordered[i - 1].Node)
            {
                throw new UsageException($"--kills: two stops of node {ordered[i].Node} at {ordered[i].At.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
            }
        }

        return ordered;
    }
}
