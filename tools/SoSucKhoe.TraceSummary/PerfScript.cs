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
    /// The parts of the hub, in the order they are tried: a sample belongs to the first part whose rule matches its thread name
    /// or any frame of its stack (so the parser's samples under the intake count as parsing, not as intake).
    /// </summary>
    private static readonly (string Part, Func<string, string, bool> Matches)[] Parts =
    [
        ("SQLite group-commit and checkpoint threads", (thread, _) => thread.StartsWith("sqlite", StringComparison.Ordinal)),
        ("GC threads", (thread, _) => thread.Contains("GC", StringComparison.Ordinal)),
        ("gateway emulator (in process)", (_, stack) => stack.Contains("GatewayEmulator", StringComparison.Ordinal)),
        ("intake: reading the dossier", (_, stack) => stack.Contains("DossierReader::Read", StringComparison.Ordinal)),
        ("intake: signature", (_, stack) => stack.Contains("FastSignatureVerifier", StringComparison.Ordinal) || stack.Contains("SignatureGate", StringComparison.Ordinal)),
        ("intake: field rules", (_, stack) => stack.Contains("DossierValidator", StringComparison.Ordinal)),
        ("intake: book projection", (_, stack) => stack.Contains("BookProjector", StringComparison.Ordinal)),
        ("grain state encoding", (_, stack) => stack.Contains("GroupCommitGrainStorage::WriteStateAsync", StringComparison.Ordinal) || stack.Contains("Codec_PatientState", StringComparison.Ordinal)),
        ("grain storage, other", (_, stack) => stack.Contains("GroupCommitGrainStorage", StringComparison.Ordinal) || stack.Contains("SqliteGrainStore", StringComparison.Ordinal) || stack.Contains("Sqlite", StringComparison.Ordinal)),
        ("forwarding: gateway client and HTTP", (_, stack) => stack.Contains("GatewayClient", StringComparison.Ordinal) || stack.Contains("System.Net.Http", StringComparison.Ordinal)),
        ("Orleans streams", (_, stack) => stack.Contains("Orleans.Streams", StringComparison.Ordinal) || stack.Contains("MemoryAdapter", StringComparison.Ordinal) || stack.Contains("MemoryStreamQueue", StringComparison.Ordinal)),
        ("grain activation and collection", (_, stack) => stack.Contains("GetOrCreateActivation", StringComparison.Ordinal) || stack.Contains("ActivationData::Start", StringComparison.Ordinal) || stack.Contains("Deactivat", StringComparison.Ordinal) || stack.Contains("ActivationCollector", StringComparison.Ordinal) || stack.Contains("Lifecycle", StringComparison.Ordinal)),
        ("patient grain", (_, stack) => stack.Contains("PatientGrain", StringComparison.Ordinal)),
        ("forwarder grain", (_, stack) => stack.Contains("ForwarderGrain", StringComparison.Ordinal)),
        ("outbox index", (_, stack) => stack.Contains("OutboxIndex", StringComparison.Ordinal)),
        ("episode claim", (_, stack) => stack.Contains("Episode", StringComparison.Ordinal)),
        ("facility gate and monitoring", (_, stack) => stack.Contains("Facility", StringComparison.Ordinal) || stack.Contains("Flow", StringComparison.Ordinal)),
        ("API keys and rate limits", (_, stack) => stack.Contains("Authenticator", StringComparison.Ordinal) || stack.Contains("RateLimit", StringComparison.Ordinal)),
        ("intake, other", (_, stack) => stack.Contains("DossierIntake", StringComparison.Ordinal) || stack.Contains("IntakeService", StringComparison.Ordinal)),
        ("Kestrel and gRPC", (_, stack) => stack.Contains("Grpc", StringComparison.Ordinal) || stack.Contains("Kestrel", StringComparison.Ordinal) || stack.Contains("AspNetCore", StringComparison.Ordinal) || stack.Contains("System.IO.Pipelines", StringComparison.Ordinal)),
        ("Orleans runtime, other", (_, stack) => stack.Contains("Orleans", StringComparison.Ordinal)),
        ("sockets and system calls", (_, stack) => stack.Contains("Socket", StringComparison.Ordinal) || stack.Contains("sys_", StringComparison.Ordinal)),
        ("thread pool", (_, stack) => stack.Contains("Thread", StringComparison.Ordinal)),
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
            Add(parts, Array.Find(Parts, part => part.Matches(thread, stack)).Part ?? "other");
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
