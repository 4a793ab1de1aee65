using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace SoSucKhoe.TraceSummary;

/// <summary>Reads stack samples and GC pauses out of a <c>.nettrace</c> file written by dotnet-trace.</summary>
public static class TraceReader
{
    private const string SampleProfiler = "Microsoft-DotNETCore-SampleProfiler";

    /// <summary>The thread samples of the sampled-thread-time profile, leaf frame first.</summary>
    public static IReadOnlyList<StackSample> ReadSamples(string path)
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(path);
        try
        {
            using var log = new TraceLog(etlx);
            var samples = new List<StackSample>();
            foreach (var data in log.Events)
            {
                if (data.ProviderName != SampleProfiler || data.CallStack() is not { } stack)
                {
                    continue;
                }

                var frames = new List<string>();
                for (var frame = stack; frame is not null; frame = frame.Caller)
                {
                    var name = frame.CodeAddress.FullMethodName;
                    frames.Add(string.IsNullOrEmpty(name) ? "?" + frame.CodeAddress.ModuleName : Shorten(name));
                }

                // The sampler's payload: 1 = the thread is in native code (parked or in a P/Invoke), 2 = in managed code.
                var managed = data.PayloadNames.Length > 0 && Convert.ToInt32(data.PayloadValue(0), System.Globalization.CultureInfo.InvariantCulture) == 2;
                samples.Add(new StackSample(frames, managed, data.TimeStampRelativeMSec));
            }

            return samples;
        }
        finally
        {
            File.Delete(etlx);
        }
    }

    /// <summary>Every GC suspension of a trace taken with the gc-collect (or gc-verbose) profile, and the trace's length.</summary>
    public static (IReadOnlyList<GcPause> Pauses, double SpanSeconds) ReadGcPauses(string path)
    {
        using var source = new EventPipeEventSource(path);
        var pauses = new List<GcPause>();
        double? suspendedAt = null;
        double suspension = 0;
        var generation = -1;
        var reason = string.Empty;
        long promoted = -1;
        source.Clr.GCStart += data =>
        {
            generation = data.Depth;
            reason = data.Reason.ToString();
        };
        source.Clr.GCSuspendEEStart += data =>
        {
            suspendedAt = data.TimeStampRelativeMSec;
            suspension = 0;
            promoted = -1;
        };
        source.Clr.GCSuspendEEStop += data => suspension = suspendedAt is { } start ? data.TimeStampRelativeMSec - start : 0;
        source.Clr.GCHeapStats += data => promoted = data.TotalPromotedSize0 + data.TotalPromotedSize1 + data.TotalPromotedSize2
            + data.TotalPromotedSize3 + data.TotalPromotedSize4;
        source.Clr.GCRestartEEStop += data =>
        {
            if (suspendedAt is { } start)
            {
                pauses.Add(new GcPause(start, data.TimeStampRelativeMSec - start, generation, reason)
                {
                    SuspensionMilliseconds = suspension,
                    PromotedBytes = promoted,
                });
                suspendedAt = null;
                generation = -1;
                reason = string.Empty;
            }
        };
        source.Process();
        return (pauses, source.SessionDuration.TotalSeconds);
    }

    /// <summary>Drops the parameter list: the method's name is what a reader needs.</summary>
    private static string Shorten(string name)
    {
        var parenthesis = name.IndexOf('(', StringComparison.Ordinal);
        return parenthesis > 0 ? name[..parenthesis] : name;
    }
}
