using System.Text.RegularExpressions;

namespace SoSucKhoe.TraceSummary;

/// <summary>
/// Reads the text of <c>perf script</c> (samples of <c>perf record -e cpu-clock -g -p &lt;hub&gt;</c>, with the hub started with
/// <c>DOTNET_PerfMapEnabled=1</c> and <c>DOTNET_EnableWriteXorExecute=0</c> so that managed frames have names) and sums the
/// samples by thread, by part of the hub and by leaf symbol. Unlike the EventPipe sampler, every sample here is CPU time
/// (parked threads take none), native code and the kernel included.
/// </summary>
internal static partial class PerfScript
{
    /// <summary>
    /// The parts of the hub, in the order they are tried: a sample belongs to the first part whose thread name contains the
    /// part's thread text, or whose stack contains one of its frame texts (so the parser's samples under the intake count as
    /// parsing, not as intake).
    /// </summary>
    private static readonly (string Part, string? Thread, string[] Frames)[] Parts =
    [
        ("SQLite group-commit and checkpoint threads", "sqlite", []),
        ("GC threads", "GC", []),
        ("gateway emulator (in process)", null, ["GatewayEmulator"]),
        ("intake: reading the dossier", null, ["DossierReader::Read"]),
        ("intake: signature", null, ["FastSignatureVerifier", "SignatureGate"]),
        ("intake: field rules", null, ["DossierValidator"]),
        ("intake: book projection", null, ["BookProjector"]),
        ("grain state encoding", null, ["GroupCommitGrainStorage::WriteStateAsync", "Codec_PatientState"]),
        ("grain storage, other", null, ["GroupCommitGrainStorage", "SqliteGrainStore", "Sqlite"]),
        ("forwarding: gateway client and HTTP", null, ["GatewayClient", "System.Net.Http"]),
        ("Orleans streams", null, ["Orleans.Streams", "MemoryAdapter", "MemoryStreamQueue"]),
        ("grain activation and collection", null, ["GetOrCreateActivation", "ActivationData::Start", "Deactivat", "ActivationCollector", "Lifecycle"]),
        ("patient grain", null, ["PatientGrain"]),
        ("forwarder grain", null, ["ForwarderGrain"]),
        ("outbox index", null, ["OutboxIndex"]),
        ("episode claim", null, ["Episode"]),
        ("facility gate and monitoring", null, ["Facility", "Flow"]),
        ("API keys and rate limits", null, ["Authenticator", "RateLimit"]),
        ("intake, other", null, ["DossierIntake", "IntakeService"]),
        ("Kestrel and gRPC", null, ["Grpc", "Kestrel", "AspNetCore", "System.IO.Pipelines"]),
        ("Orleans runtime, other", null, ["Orleans"]),
        ("sockets and system calls", null, ["Socket", "sys_"]),
        ("thread pool", null, ["Thread"]),
    ];

    /// <summary>Samples by thread name (digits dropped), by part and by leaf symbol.</summary>
    public sealed record Profile(int Samples, IReadOnlyList<(string Name, int Count)> Threads,
        IReadOnlyList<(string Name, int Count)> Parts, IReadOnlyList<(string Name, int Count)> Leaves);

    public static Profile Read(TextReader script, int top)
    {
        var threads = new Dictionary<string, int>(StringComparer.Ordinal);
        var parts = new Dictionary<string, int>(StringComparer.Ordinal);
        var leaves = new Dictionary<string, int>(StringComparer.Ordinal);
        var samples = 0;
        string? thread = null;
        var frames = new List<string>();

        void Flush()
        {
            if (thread is null || frames.Count == 0)
            {
                frames.Clear();
                return;
            }

            samples++;
            Add(threads, TrailingDigits().Replace(thread, string.Empty));
            var stack = string.Join('\n', frames);
            Add(parts, Array.Find(Parts, part =>
                (part.Thread is { } text && thread.Contains(text, StringComparison.Ordinal))
                || Array.Exists(part.Frames, frame => stack.Contains(frame, StringComparison.Ordinal))).Part ?? "other");
            Add(leaves, Shorten(frames[0]));
            frames.Clear();
        }

        for (var line = script.ReadLine(); line is not null; line = script.ReadLine())
        {
            if (line.Length == 0)
            {
                Flush();
                thread = null;
            }
            else if (line[0] is ' ' or '\t')
            {
                frames.Add(line.Trim());
            }
            else
            {
                // "<comm> <pid>/<tid> <time>: <period> cpu-clock:": the thread name is the text before the pid.
                thread = Header().Match(line) is { Success: true } header ? header.Groups[1].Value.Trim() : line;
            }
        }

        Flush();
        return new Profile(samples, Top(threads, int.MaxValue), Top(parts, int.MaxValue), Top(leaves, top));
    }

    private static void Add(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static List<(string, int)> Top(Dictionary<string, int> counts, int top) =>
        counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(top)
            .Select(pair => (pair.Key, pair.Value)).ToList();

    // "7f12 instance bool [System.Private.Xml] System.Xml.XmlTextReaderImpl::ParseText(int32&)[OptimizedTier1] (/tmp/perf-1.map)"
    private static string Shorten(string frame)
    {
        var text = Address().Replace(frame, string.Empty);
        var open = text.IndexOf('(', StringComparison.Ordinal);
        return Offset().Replace((open > 0 ? text[..open] : text).Trim(), string.Empty);
    }

    [GeneratedRegex(@"^(.*?)\s+\d+(/\d+)?\s")]
    private static partial Regex Header();

    [GeneratedRegex(@"\d+$")]
    private static partial Regex TrailingDigits();

    [GeneratedRegex(@"^[0-9a-f]+\s+")]
    private static partial Regex Address();

    // A native symbol's offset ("memset+0x8e"), so that one function is one row.
    [GeneratedRegex(@"\+0x[0-9a-f]+$")]
    private static partial Regex Offset();
}
