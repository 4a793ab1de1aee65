using System.Globalization;
using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.LoadTest;

/// <summary>Parses the command line into <see cref="LoadTestOptions"/>; throws <see cref="UsageException"/> when it is wrong.</summary>
public static class ArgumentParser
{
    public const string Usage =
        "usage: SoSucKhoe.LoadTest --grpc http://127.0.0.1:5080 --admin-key <key> [--facilities 20] [--citizens 5000]\n" +
        "       [--rate 100] [--duration 30s] [--mode open|closed] [--concurrency 32] [--drain 30s] [--warmup 0s] [--lag-sample 200]\n" +
        "       [--presign 20000]  (runs of up to this many dossiers are signed before the clock starts; longer ones in the background)\n" +
        "       [--gateway-stats http://127.0.0.1:5081/gateway/emulator/stats] [--report-dir out] [--seed 6]\n" +
        "       [--checkin-share 0.5] [--size-mix outpatient:80,inpatient:15,long:5] [--citizen-order random|distinct]\n" +
        "       [--start-rate 50] [--rate-step 50] [--step-duration 20s] [--max-rate 5000] [--p99-limit 100ms]  (max profile)\n" +
        "       [--hub-pid <pid>] [--sample-interval 1m] [--outage-at 2m --outage-for 10m]\n" +
        "       [--ceilings 10s] [--catalogue-dir <folder>] [--ceiling-dir <folder on the hub's disk>]\n" +
        "       [--latency-log requests.csv]  (one CSV line per request, written after the run)\n" +
        "       [--profile pilot|national-peak|max|soak]  (a profile sets defaults; options given on the command line win)\n" +
        "       [--admin-key-file <file>] [--gateway-key <key> | --gateway-key-file <file>]  (the emulator's control key; default the admin key)\n" +
        "       [--verify on|off] [--delivery-deadline 60s] [--late-after 90s]  (every dossier checked by identity after the run)\n" +
        "       SoSucKhoe.LoadTest drill --hub-command '<command that starts a hub>' [--hub-command '<node 2>' ...] --kills 20s,45s:term[,30s@2]\n" +
        "       [--hub-ready http://127.0.0.1:6381/healthz/ready ...] [--restart-after 2s] [--hub-start-timeout 2m] [--stop-timeout 45s]\n" +
        "       [--hub-dir <folder>] [--hub-log <file>] [--strict-duplicates on|off] and the options above (defaults: --rate 50 --duration 60s\n" +
        "       --lag-sample 0 --delivery-deadline 3m --drain 10s)\n" +
        "The admin key may also come from the SOSUCKHOE_ADMIN_KEY environment variable, the gateway key from SOSUCKHOE_GATEWAY_KEY.\n" +
        "Only loopback hosts are allowed.";

    /// <summary>The first argument that makes the run a drill.</summary>
    public const string DrillCommand = "drill";

    /// <summary>Defaults of a drill (like a profile: options on the command line win).</summary>
    public static IReadOnlyDictionary<string, string> DrillDefaults { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--rate"] = "50",
        ["--duration"] = "60s",
        ["--lag-sample"] = "0",
        ["--delivery-deadline"] = "3m",
        ["--drain"] = "10s",
    };

    public static LoadTestOptions Parse(IReadOnlyList<string> args, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        environment ??= Environment.GetEnvironmentVariable;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var repeated = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var drill = args.Count > 0 && args[0] == DrillCommand;
        for (var i = drill ? 1 : 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length < 3)
            {
                throw new UsageException($"unexpected argument '{name}'");
            }

            string value;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"{name} needs a value");
            }

            if (!Known.Contains(name) && !DrillOnly.Contains(name))
            {
                throw new UsageException($"unknown option {name}");
            }

            if (!drill && DrillOnly.Contains(name))
            {
                throw new UsageException($"{name} belongs to the drill: SoSucKhoe.LoadTest drill {name} …");
            }

            if (Repeatable.Contains(name))
            {
                (repeated.TryGetValue(name, out var list) ? list : repeated[name] = []).Add(value);
                continue;
            }

            if (!values.TryAdd(name, value))
            {
                throw new UsageException($"{name} is given twice");
            }
        }

        if (values.TryGetValue("--profile", out var profile))
        {
            LoadProfiles.ApplyDefaults(profile, values);
        }

        if (drill)
        {
            foreach (var (name, value) in DrillDefaults)
            {
                values.TryAdd(name, value);
            }
        }

        var grpc = values.TryGetValue("--grpc", out var grpcText) ? LoopbackUri("--grpc", grpcText) : throw new UsageException("--grpc is required");
        var adminKeyFile = values.TryGetValue("--admin-key-file", out var keyFile) ? FilePath("--admin-key-file", keyFile) : null;
        var adminKey = values.GetValueOrDefault("--admin-key") ?? (adminKeyFile is null ? environment("SOSUCKHOE_ADMIN_KEY") : null);
        if (adminKey is not null && adminKeyFile is not null)
        {
            throw new UsageException("give --admin-key or --admin-key-file, not both");
        }

        if (string.IsNullOrWhiteSpace(adminKey) && adminKeyFile is null)
        {
            throw new UsageException("--admin-key, --admin-key-file or SOSUCKHOE_ADMIN_KEY is required");
        }

        var gatewayKeyFile = values.TryGetValue("--gateway-key-file", out var gatewayFile) ? FilePath("--gateway-key-file", gatewayFile) : null;
        var gatewayKey = values.GetValueOrDefault("--gateway-key") ?? (gatewayKeyFile is null ? environment("SOSUCKHOE_GATEWAY_KEY") : null);
        if (values.ContainsKey("--gateway-key") && gatewayKeyFile is not null)
        {
            throw new UsageException("give --gateway-key or --gateway-key-file, not both");
        }

        var options = new LoadTestOptions
        {
            GrpcAddress = grpc,
            AdminKey = adminKey ?? string.Empty,
            AdminKeyFile = adminKeyFile,
            GatewayKey = string.IsNullOrWhiteSpace(gatewayKey) ? null : gatewayKey,
            GatewayKeyFile = gatewayKeyFile,
            Verify = OnOff(values, "--verify", fallback: true),
            DeliveryDeadline = Span(values, "--delivery-deadline", TimeSpan.FromSeconds(60)),
            LateAfter = Span(values, "--late-after", TimeSpan.FromSeconds(90)),
            Drill = drill ? ParseDrill(values, repeated, grpc) : null,
            Facilities = Int(values, "--facilities", 20, 1, 10_000),
            Citizens = Int(values, "--citizens", 5000, 1, 10_000_000),
            Rate = Double(values, "--rate", 100, 0.1, 100_000),
            Duration = Span(values, "--duration", TimeSpan.FromSeconds(30)),
            Mode = Mode(values),
            Concurrency = Int(values, "--concurrency", 32, 1, 10_000),
            DrainTimeout = Span(values, "--drain", TimeSpan.FromSeconds(30)),
            Warmup = values.TryGetValue("--warmup", out var warmup) && warmup is not ("0" or "0s") ? ParseDuration(warmup) : TimeSpan.Zero,
            LagSample = Int(values, "--lag-sample", 200, 0, 1_000_000),
            PresignLimit = Int(values, "--presign", LoadTestEngine.StreamingThreshold, 1, 1_000_000),
            GatewayStats = values.TryGetValue("--gateway-stats", out var stats) ? LoopbackUri("--gateway-stats", stats) : null,
            ReportDirectory = values.GetValueOrDefault("--report-dir"),
            Seed = Int(values, "--seed", 6, int.MinValue, int.MaxValue),
            Profile = profile,
            CheckInShare = Share(values, "--checkin-share"),
            SizeMix = values.TryGetValue("--size-mix", out var mix) ? Workload.SizeMix.Parse(mix) : null,
            CitizenOrder = values.GetValueOrDefault("--citizen-order") switch
            {
                null or "random" => Workload.CitizenOrder.Random,
                "distinct" => Workload.CitizenOrder.Distinct,
                var other => throw new UsageException($"--citizen-order must be random or distinct, not '{other}'"),
            },
            StartRate = Double(values, "--start-rate", 50, 0.1, 100_000),
            RateStep = Double(values, "--rate-step", 50, 0.1, 100_000),
            StepDuration = Span(values, "--step-duration", TimeSpan.FromSeconds(20)),
            MaxRate = Double(values, "--max-rate", 5000, 0.1, 100_000),
            P99Limit = Span(values, "--p99-limit", TimeSpan.FromMilliseconds(100)),
            HubPid = values.ContainsKey("--hub-pid") ? Int(values, "--hub-pid", 0, 1, int.MaxValue) : null,
            SampleInterval = Span(values, "--sample-interval", TimeSpan.FromMinutes(1)),
            OutageAt = values.TryGetValue("--outage-at", out var outageAt) ? ParseDuration(outageAt) : null,
            OutageFor = Span(values, "--outage-for", TimeSpan.FromMinutes(10)),
            CeilingDuration = values.TryGetValue("--ceilings", out var ceilings) && ceilings is not ("0" or "0s" or "off") ? ParseDuration(ceilings) : TimeSpan.Zero,
            CatalogueDirectory = values.GetValueOrDefault("--catalogue-dir") is { } catalogues ? Path.GetFullPath(catalogues) : CatalogueFiles.ShippedDirectory,
            CeilingDirectory = values.GetValueOrDefault("--ceiling-dir"),
            LatencyLog = values.TryGetValue("--latency-log", out var latencyLog) ? FilePath("--latency-log", latencyLog) : null,
        };
        if (options.OutageAt is not null && options.GatewayStats is null)
        {
            throw new UsageException("--outage-at needs --gateway-stats (the emulator's fault control sits beside it)");
        }

        if (options.OutageAt is not null && options.Mode != LoadMode.Open)
        {
            throw new UsageException("--outage-at needs the open loop (a fixed arrival rate)");
        }
        if (options.Drill is not null && !options.Verify)
        {
            throw new UsageException("a drill counts every dossier by identity: --verify off is not allowed");
        }

        if (options.Drill is not null && options.StepSearch)
        {
            throw new UsageException("the max profile's step search cannot run as a drill");
        }

        if (options.DossierCount > 50_000_000)
        {
            throw new UsageException("rate × duration is above 5,000,000 dossiers");
        }

        return options;
    }

    /// <summary>Parses "30s", "500ms", "2m", "1h" or a TimeSpan ("00:00:30").</summary>
    public static TimeSpan ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (suffix, seconds) in units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(trimmed[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number > 0 && !double.IsInfinity(number))
            {
                return TimeSpan.FromSeconds(number * seconds);
            }
        }

        if (TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }

        throw new UsageException($"'{text}' is not a positive duration (e.g. 30s, 500ms, 2m)");
    }

    private static readonly HashSet<string> Known =
    [
        "--grpc", "--admin-key", "--facilities", "--citizens", "--rate", "--duration", "--mode", "--concurrency", "--drain", "--warmup",
        "--lag-sample", "--presign", "--gateway-stats", "--report-dir", "--seed", "--profile", "--checkin-share", "--size-mix", "--start-rate",
        "--rate-step", "--step-duration", "--max-rate", "--p99-limit", "--hub-pid", "--sample-interval", "--outage-at", "--outage-for",
        "--ceilings", "--catalogue-dir", "--ceiling-dir", "--citizen-order", "--latency-log", "--admin-key-file", "--gateway-key",
        "--gateway-key-file", "--verify", "--delivery-deadline", "--late-after",
    ];

    private static readonly HashSet<string> DrillOnly =
    [
        "--hub-command", "--hub-ready", "--kills", "--restart-after", "--hub-start-timeout", "--stop-timeout", "--hub-dir", "--hub-log",
        "--strict-duplicates",
    ];

    private static readonly HashSet<string> Repeatable = ["--hub-command", "--hub-ready"];

    private static Drill.DrillOptions ParseDrill(Dictionary<string, string> values, Dictionary<string, List<string>> repeated, Uri grpc)
    {
        var commands = repeated.GetValueOrDefault("--hub-command") ?? [];
        if (commands.Count == 0 || commands.Any(string.IsNullOrWhiteSpace))
        {
            throw new UsageException("drill: --hub-command '<the command that starts a hub>' is required (once per node)");
        }

        var ready = (repeated.GetValueOrDefault("--hub-ready") ?? []).Select(static text => (Uri?)LoopbackUri("--hub-ready", text)).ToList();
        if (ready.Count > commands.Count)
        {
            throw new UsageException("drill: more --hub-ready than --hub-command");
        }

        if (commands.Count > 1 && ready.Count < commands.Count)
        {
            throw new UsageException("drill: with several nodes, give one --hub-ready per --hub-command (e.g. http://127.0.0.1:<http port>/healthz/ready)");
        }

        if (ready.Count == 0)
        {
            // The first node is asked through its gRPC health service at --grpc.
            ready.Add(null);
        }

        if (grpc.Scheme == Uri.UriSchemeHttps && ready[0] is null)
        {
            throw new UsageException("drill: a hub serving gRPC over TLS is asked for readiness over HTTP: give --hub-ready http://127.0.0.1:<http port>/healthz/ready");
        }

        return new Drill.DrillOptions
        {
            HubCommands = commands,
            ReadyAddresses = ready,
            Kills = values.TryGetValue("--kills", out var kills)
                ? Drill.KillEvent.ParseList(kills, commands.Count)
                : throw new UsageException("drill: --kills is required, e.g. --kills 20s,45s"),
            RestartAfter = values.TryGetValue("--restart-after", out var restart) && restart is "0" or "0s" ? TimeSpan.Zero : Span(values, "--restart-after", TimeSpan.FromSeconds(2)),
            StartTimeout = Span(values, "--hub-start-timeout", TimeSpan.FromMinutes(2)),
            StopTimeout = Span(values, "--stop-timeout", TimeSpan.FromSeconds(45)),
            WorkingDirectory = values.TryGetValue("--hub-dir", out var directory)
                ? Directory.Exists(directory) ? Path.GetFullPath(directory) : throw new UsageException($"--hub-dir: '{directory}' is not a folder")
                : null,
            HubLog = values.TryGetValue("--hub-log", out var log) ? FilePath("--hub-log", log) : null,
            StrictDuplicates = OnOff(values, "--strict-duplicates", fallback: false),
        };
    }

    private static bool OnOff(Dictionary<string, string> values, string name, bool fallback) =>
        values.GetValueOrDefault(name) switch
        {
            null => fallback,
            "on" or "true" or "yes" => true,
            "off" or "false" or "no" => false,
            var other => throw new UsageException($"{name} must be on or off, not '{other}'"),
        };

    private static string FilePath(string name, string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.StartsWith("--", StringComparison.Ordinal) || text.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || Directory.Exists(text)
            || text.EndsWith('/') || text.EndsWith(Path.DirectorySeparatorChar))
        {
            throw new UsageException($"{name} must be a file path, not '{text}'");
        }

        return text;
    }

    private static Uri LoopbackUri(string name, string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"{name} must be an http(s) address");
        }

        if (!LoopbackGuard.IsLoopback(uri))
        {
            throw new UsageException($"{name}: only loopback hosts (127.0.0.1, ::1, localhost) are allowed, not '{uri.Host}'");
        }

        return uri;
    }

    private static LoadMode Mode(Dictionary<string, string> values) =>
        values.GetValueOrDefault("--mode") switch
        {
            null or "open" => LoadMode.Open,
            "closed" => LoadMode.Closed,
            var other => throw new UsageException($"--mode must be open or closed, not '{other}'"),
        };

    private static int Int(Dictionary<string, string> values, string name, int fallback, int min, int max)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} must be an integer from {min} to {max}");
    }

    private static double Double(Dictionary<string, string> values, string name, double fallback, double min, double max)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} must be a number from {min} to {max}");
    }

    /// <summary>A share in [0, 1], given as "0.3" or "30%"; 0 when absent.</summary>
    private static double Share(Dictionary<string, string> values, string name)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return 0;
        }

        var percent = text.EndsWith('%');
        var number = percent ? text[..^1] : text;
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            value = percent ? value / 100 : value;
            if (value is >= 0 and <= 1)
            {
                return value;
            }
        }

        throw new UsageException($"{name} must be a share from 0 to 1 (or 0% to 100%), not '{text}'");
    }

    private static TimeSpan Span(Dictionary<string, string> values, string name, TimeSpan fallback) =>
        values.TryGetValue(name, out var text) ? ParseDuration(text) : fallback;
}
