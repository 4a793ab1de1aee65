using System.Text.Json;
using SoSucKhoe.LoadTest.Drill;
using SoSucKhoe.LoadTest.Hub;
using SoSucKhoe.LoadTest.Verification;
using SoSucKhoe.LoadTest.Workload;

namespace SoSucKhoe.LoadTest.Tests;

/// <summary>The drill's parts that need no hub: its command line, its stops, its process groups and its per-stop arithmetic.</summary>
public sealed class DrillTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static LoadTestOptions Drill(params string[] extra) =>
        ArgumentParser.Parse(["drill", "--grpc", "http://127.0.0.1:6380", "--admin-key-file", "/tmp/drill-x/admin.key", .. extra], NoEnvironment);

    [Fact]
    public void The_drill_subcommand_takes_the_hub_command_and_the_stops_and_has_its_own_defaults()
    {
        var options = Drill("--hub-command", "dotnet hub.dll --Hub:GrpcUrl=http://127.0.0.1:6380", "--kills", "45s:term,20s", "--outage-at", "10s",
            "--outage-for", "20s", "--gateway-stats", "http://127.0.0.1:6390/gateway/emulator/stats", "--gateway-key-file", "/tmp/drill-x/emulator.key");

        var drill = Assert.IsType<DrillOptions>(options.Drill);
        Assert.Equal(["dotnet hub.dll --Hub:GrpcUrl=http://127.0.0.1:6380"], drill.HubCommands);
        Assert.Equal([new KillEvent(TimeSpan.FromSeconds(20)), new KillEvent(TimeSpan.FromSeconds(45), Graceful: true)], drill.Kills);
        Assert.Equal([(Uri?)null], drill.ReadyAddresses);
        Assert.Equal(TimeSpan.FromSeconds(2), drill.RestartAfter);
        Assert.False(drill.StrictDuplicates);
        Assert.Equal((50.0, TimeSpan.FromSeconds(60), 0), (options.Rate, options.Duration, options.LagSample));
        Assert.Equal(TimeSpan.FromMinutes(3), options.DeliveryDeadline);
        Assert.Equal(TimeSpan.FromSeconds(90), options.LateAfter);
        Assert.True(options.Verify);
        Assert.Equal(("/tmp/drill-x/admin.key", string.Empty), (options.AdminKeyFile, options.AdminKey));
        Assert.Equal("/tmp/drill-x/emulator.key", options.GatewayKeyFile);
    }

    [Fact]
    public void Several_nodes_each_need_a_readiness_address_and_stops_may_name_a_node()
    {
        var options = Drill("--hub-command", "node one", "--hub-command", "node two", "--hub-ready", "http://127.0.0.1:6381/healthz/ready",
            "--hub-ready", "http://127.0.0.1:6391/healthz/ready", "--kills", "30s@2,10s:kill@1", "--strict-duplicates", "on", "--rate", "20");

        var drill = options.Drill!;
        Assert.Equal(2, drill.HubCommands.Count);
        Assert.Equal([new KillEvent(TimeSpan.FromSeconds(10)), new KillEvent(TimeSpan.FromSeconds(30), Node: 2)], drill.Kills);
        Assert.True(drill.StrictDuplicates);
        Assert.Equal(20, options.Rate);
        Assert.Throws<UsageException>(() => Drill("--hub-command", "a", "--hub-command", "b", "--kills", "10s"));
        Assert.Throws<UsageException>(() => Drill("--hub-command", "a", "--kills", "10s@2"));
    }

    [Theory]
    [InlineData("--kills", "10s")]
    [InlineData("--hub-command", "x")]
    public void A_drill_needs_both_a_hub_command_and_its_stops(string name, string value) =>
        Assert.Throws<UsageException>(() => Drill(name, value));

    [Fact]
    public void Drill_options_are_refused_outside_a_drill_and_a_drill_cannot_skip_the_verification()
    {
        Assert.Throws<UsageException>(() => ArgumentParser.Parse(["--grpc", "http://127.0.0.1:6380", "--admin-key", "k", "--kills", "10s"], NoEnvironment));
        Assert.Throws<UsageException>(() => Drill("--hub-command", "x", "--kills", "10s", "--verify", "off"));
        Assert.Throws<UsageException>(() => Drill("--hub-command", "x", "--kills", "10s", "--hub-ready", "http://example.org/healthz/ready"));
        Assert.Throws<UsageException>(() => Drill("--hub-command", "x", "--kills", "10s,10s"));
        Assert.Throws<UsageException>(() => Drill("--hub-command", "x", "--kills", "soon"));
        Assert.Contains("drill --hub-command", ArgumentParser.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_emulator_s_key_is_its_own_option_and_the_admin_key_may_come_from_a_file()
    {
        var options = ArgumentParser.Parse(["--grpc", "http://127.0.0.1:6380", "--admin-key", "k", "--gateway-key", "emu"], NoEnvironment);
        Assert.Equal(("k", "emu"), (options.AdminKey, options.GatewayKey));
        var fromEnvironment = ArgumentParser.Parse(["--grpc", "http://127.0.0.1:6380", "--admin-key", "k"],
            name => name == "SOSUCKHOE_GATEWAY_KEY" ? "emu-env" : null);
        Assert.Equal("emu-env", fromEnvironment.GatewayKey);
        Assert.Null(ArgumentParser.Parse(["--grpc", "http://127.0.0.1:6380", "--admin-key", "k"], NoEnvironment).GatewayKey);
        Assert.Throws<UsageException>(() => ArgumentParser.Parse(
            ["--grpc", "http://127.0.0.1:6380", "--admin-key", "k", "--admin-key-file", "a.key"], NoEnvironment));
        Assert.Throws<UsageException>(() => ArgumentParser.Parse(["--grpc", "http://127.0.0.1:6380"], NoEnvironment));
        var verifyOff = ArgumentParser.Parse(["--grpc", "http://127.0.0.1:6380", "--admin-key", "k", "--verify", "off", "--late-after", "30s"], NoEnvironment);
        Assert.Equal((false, TimeSpan.FromSeconds(30)), (verifyOff.Verify, verifyOff.LateAfter));
    }

    [Theory]
    [InlineData("1234 (dotnet) S 1 1234 1234 0 -1", 'S', 1234)]
    [InlineData("77 (a (weird) name) Z 5 70 70 0 -1", 'Z', 70)]
    public void The_process_group_is_read_from_a_proc_stat_line_whatever_the_command_s_name(string stat, char state, int pgid) =>
        Assert.Equal((state, pgid), ProcessGroup.GroupOf(stat));

    [Fact]
    public async Task A_node_runs_in_its_own_process_group_and_a_kill_ends_every_process_of_it()
    {
        var log = Path.Combine(Path.GetTempPath(), $"ssk-drill-node-{Guid.NewGuid():N}.log");
        try
        {
            var node = new HubNode(1, "echo started; sleep 300 & sleep 300; echo never", workingDirectory: null, log);
            await using (node)
            {
                node.Start();
                Assert.True(await Testing.Eventually.Until(() => File.Exists(log) && File.ReadAllText(log).Contains("started", StringComparison.Ordinal), TimeSpan.FromSeconds(10)));
                var group = node.ProcessGroupId;
                Assert.NotEqual(ProcessGroup.GroupOf(Environment.ProcessId), group);
                Assert.True(ProcessGroup.IsAlive(group));

                var forced = await node.StopAsync(graceful: false, TimeSpan.FromSeconds(5));

                Assert.False(forced);
                Assert.False(ProcessGroup.IsAlive(group));
                Assert.False(node.IsRunning);

                node.Start();
                Assert.True(await Testing.Eventually.Until(() => node.IsRunning && ProcessGroup.IsAlive(node.ProcessGroupId), TimeSpan.FromSeconds(10)));
                Assert.False(await node.StopAsync(graceful: true, TimeSpan.FromSeconds(5)));
                Assert.False(ProcessGroup.IsAlive(node.ProcessGroupId));
            }

            var text = await File.ReadAllTextAsync(log);
            Assert.Contains("# drill: node 1, life 1", text, StringComparison.Ordinal);
            Assert.Contains("# drill: node 1, life 2", text, StringComparison.Ordinal);
            Assert.DoesNotContain("never", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Fact]
    public void Each_stop_counts_the_life_it_ended_its_backlog_and_when_that_backlog_reached_the_gateway()
    {
        // Stop 1 at 10 s, serving again at 15 s; stop 2 at 30 s during an outage 25-40 s, serving again at 36 s.
        var kills = new[]
        {
            Kill(1, at: 10, ready: 15),
            Kill(2, at: 30, ready: 36),
        };
        var outage = new Disruption(T0.AddSeconds(25), T0.AddSeconds(40), Disruption.GatewayOutage);
        var requests = new List<SentRequest>
        {
            Ok("A", at: 5), Ok("B", at: 9.9), Failed("F1", at: 12), Ok("C", at: 17), Ok("D", at: 27), Ok("E", at: 29), Failed("F2", at: 31),
            Ok("G", at: 37),
        };
        var copies = new List<GatewayCopy>
        {
            Copy("A", 5.1), Copy("B", 16), Copy("C", 17.1), Copy("D", 41), Copy("E", 42), Copy("G", 41.5), Copy("F2", 41),
        };
        var verification = DossierVerification.Classify(new VerificationInput
        {
            Requests = requests,
            Hub = requests.ToDictionary(
                static r => new HubQuery(r.Facility, r.MaLk, r.Accepted ? 1 : 0),
                r => r.MaLk == "F1" ? HubRecord.NotFound : new HubRecord(HubState.Acknowledged, 1, r.Sha256, "GD1", null, null, null)),
            Gateway = copies,
            Disruptions = [outage, .. kills.Select(static k => new Disruption(k.KilledAt, k.ReadyAt!.Value, Disruption.HubDown))],
            LateAfter = TimeSpan.FromSeconds(90),
        });

        var drill = DrillReport.Build(kills, requests, verification, [outage], T0, nodes: 1, firstStartSeconds: 3, strictDuplicates: false);

        Assert.True(drill.Passed, string.Join("; ", drill.Problems));
        var (first, second) = (drill.Kills[0], drill.Kills[1]);
        Assert.Equal((10.0, false, 2, 2, 1, 0), (first.AtSeconds!.Value, first.DuringOutage, first.Okd, first.Acknowledged, first.FailedCalls, first.FailedYetStored));
        Assert.Equal((1, 1), (first.BacklogAtKill, first.BacklogDelivered)); // B, delivered at 16 s
        Assert.Equal((1.0, 1.0), (first.BacklogDeliveredAfterServingSeconds!.Value, first.BacklogDeliveredAfterBothUpSeconds!.Value));
        Assert.Equal((5.0, 4.0), (first.ServesAgainAfterSeconds!.Value, first.StartSeconds!.Value));
        Assert.Equal(7.0, first.FirstOkAfterSeconds); // C, sent after the restart at 11 s, answered at 17 s
        Assert.Equal((true, 3, 1, 1), (second.DuringOutage, second.Okd, second.FailedCalls, second.FailedYetStored));
        Assert.Equal((2, 2), (second.BacklogAtKill, second.BacklogDelivered)); // D and E, after the outage
        Assert.Equal((6.0, 2.0), (second.BacklogDeliveredAfterServingSeconds!.Value, second.BacklogDeliveredAfterBothUpSeconds!.Value));
        Assert.Equal(1, drill.AfterLastRestart.Okd);
    }

    [Fact]
    public void A_node_that_does_not_serve_again_fails_the_drill_as_does_anything_the_verification_found()
    {
        var kill = Kill(1, at: 10, ready: null) with { Problem = "node 1 did not serve again within 120 s of its restart" };
        var lost = Ok("LOST", at: 5);
        var verification = DossierVerification.Classify(new VerificationInput
        {
            Requests = [lost],
            Hub = new Dictionary<HubQuery, HubRecord>(),
            Gateway = [],
            LateAfter = TimeSpan.FromSeconds(90),
        });

        var drill = DrillReport.Build([kill], [lost], verification, [], T0, 1, 3, strictDuplicates: false);

        Assert.False(drill.Passed);
        Assert.Equal(["node 1 did not serve again within 120 s of its restart", "1 lost (OK'd, not at the gateway when the drain ended)"], drill.Problems);
        Assert.Equal(1, drill.Kills[0].Lost);
    }

    [Fact]
    public void The_emulator_s_received_items_are_read_as_gateway_copies_and_check_ins_are_skipped()
    {
        var hash = ContentHash.Of("dossier"u8);
        var json = $$"""
            [
              {"sequence":7,"kind":"CheckIn","maCskcb":"70001","maLk":"LK-1","contentSha256":"{{ContentHash.Of("x"u8)}}","receivedAt":"2026-12-01T08:00:01+00:00","maGiaoDich":"GD0"},
              {"sequence":8,"kind":"Dossier","username":"u","maCskcb":"70001","maLk":"LK-1","contentSha256":"{{hash}}","size":7,"maGiaoDich":"GD1","receivedAt":"2026-12-01T08:00:02.5+00:00","duplicate":false}
            ]
            """;
        using var document = JsonDocument.Parse(json);
        var items = document.RootElement.EnumerateArray().Select(EmulatorRecord.Parse).ToList();

        Assert.Null(items[0]);
        Assert.Equal(new GatewayCopy(8, "70001", "LK-1", hash, T0.AddSeconds(2.5), "GD1"), items[1]);
        Assert.True(ContentHash.TryParse(hash.ToString().ToUpperInvariant(), out var parsed) && parsed == hash);
        Assert.False(ContentHash.TryParse("abc", out _));
    }

    private static KillRecord Kill(int number, double at, double? ready) => new()
    {
        Number = number,
        Event = new KillEvent(TimeSpan.FromSeconds(at)),
        KilledAt = T0.AddSeconds(at),
        GoneAt = T0.AddSeconds(at + 0.1),
        RestartedAt = T0.AddSeconds(at + 1),
        ReadyAt = ready is { } r ? T0.AddSeconds(r) : null,
    };

    private static SentRequest Ok(string maLk, double at) =>
        new("run", 0, "70001", maLk, Hash(maLk), 1, SentRequest.Ok, T0.AddSeconds(at - 6), T0.AddSeconds(at));

    private static SentRequest Failed(string maLk, double at) =>
        new("run", 0, "70001", maLk, Hash(maLk), 0, "Unavailable", T0.AddSeconds(at - 0.01), T0.AddSeconds(at));

    private static GatewayCopy Copy(string maLk, double at) => new(0, "70001", maLk, Hash(maLk), T0.AddSeconds(at), "GD1");

    private static ContentHash Hash(string maLk) => ContentHash.Of(System.Text.Encoding.UTF8.GetBytes(maLk));
}
