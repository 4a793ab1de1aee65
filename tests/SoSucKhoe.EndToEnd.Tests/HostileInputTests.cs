using System.Diagnostics;
using System.Reflection;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using SoSucKhoe.Api.Security;
using SoSucKhoe.Api.V1;
using SoSucKhoe.Dossiers;
using Xunit.Abstractions;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// The hostile-input corpus (<see cref="HostileCorpus"/>) sent over real gRPC on loopback to the real hub with a valid facility
/// key (through the generated client, or framed by hand for what that client cannot send): each request is refused with its own
/// status and rule, and after the whole corpus the hub still serves, its managed memory has not grown, and nothing of the corpus
/// was stored or reached the gateway.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class HostileInputTests(HubFixture hub, ITestOutputHelper output) : IAsyncLifetime
{
    private const long MemoryGrowthLimit = 64L * 1024 * 1024;

    /// <summary>Larger requests are framed by hand: the generated client would keep pooled copies that the memory check would count.</summary>
    private const int ClientMessageLimit = 1024 * 1024;
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(60);
    private static readonly HashSet<string> KnownRules = typeof(ViolationRules)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    private static readonly HttpClient Http = new(new SocketsHttpHandler()) { Timeout = CallDeadline };
    private Intake.IntakeClient _intake = null!;
    private string _key = null!;

    public static TheoryData<string> Corpus() => HostileCorpus.Names();

    public async Task InitializeAsync()
    {
        _intake = await hub.Clients.IntakeForAsync(HostileCorpus.HomeFacility, "Hostile HIS");
        _key = await hub.Clients.FacilityKeyAsync(HostileCorpus.HomeFacility);
        await hub.Clients.FacilityKeyAsync(HostileCorpus.OtherFacility, "Victim facility");
        await hub.Clients.FacilityKeyAsync(HostileCorpus.ControlFacility, "Control facility");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_corpus_holds_at_least_100_distinct_entries_across_every_category()
    {
        var cases = HostileCorpus.Cases;
        var categories = cases.Select(c => c.Name[..c.Name.IndexOf('/', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);

        Assert.True(cases.Count >= 100, $"the corpus holds {cases.Count} entries");
        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Superset(new HashSet<string>
        {
            "dtd", "limits", "encoding", "base64", "truncated", "xml", "tables", "count", "episode", "facility",
            "personal id", "card", "dates", "icd10", "check-in", "signature", "grpc",
        }, categories);
        Assert.Contains(cases, c => c.Target == HostileTarget.CheckIn);
        Assert.All(cases.Where(c => c.Status == StatusCode.InvalidArgument), c => Assert.NotEmpty(c.Violations));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Each_hostile_request_is_refused_with_its_status_and_reason(string name)
    {
        var entry = HostileCorpus.Get(name);

        var error = await SendAsync(entry);

        AssertRefusal(entry, error);
    }

    [Fact]
    public async Task A_control_dossier_built_like_the_corpus_is_accepted()
    {
        var dossier = HostileCorpus.ControlDossier();
        var intake = await hub.Clients.IntakeForAsync(HostileCorpus.ControlFacility);

        var accepted = await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Payload) });

        Assert.Equal($"{HostileCorpus.ControlFacility}:{dossier.MaLk}", accepted.DossierId);
        Assert.False(accepted.Duplicate);
    }

    [Fact]
    public async Task After_the_corpus_twice_the_hub_serves_its_memory_is_bounded_and_nothing_was_stored_or_forwarded()
    {
        var cases = HostileCorpus.Cases;
        foreach (var entry in cases)
        {
            _ = entry.Build(); // Builds and keeps the small payloads, so that only the hub's memory is compared below.
        }

        var before = FullGcTotalMemory();
        var clock = Stopwatch.StartNew();
        var costs = new List<(string Name, TimeSpan Took, long Allocated)>();

        for (var round = 0; round < 2; round++)
        {
            foreach (var entry in cases)
            {
                var started = clock.Elapsed;
                var allocated = GC.GetTotalAllocatedBytes();
                AssertRefusal(entry, await SendAsync(entry));
                costs.Add((entry.Name, clock.Elapsed - started, GC.GetTotalAllocatedBytes() - allocated));
            }
        }

        var elapsed = clock.Elapsed;
        var after = FullGcTotalMemory();
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"{cases.Count} entries x 2 in {elapsed.TotalSeconds:0.0} s; managed memory {Mb(before)} -> {Mb(after)} MiB "
            + $"(growth {Mb(after - before)} MiB); peak working set {Mb(process.PeakWorkingSet64)} MiB");
        foreach (var (name, took, allocated) in costs.OrderByDescending(c => c.Allocated).DistinctBy(c => c.Name).Take(8))
        {
            output.WriteLine($"  {name}: {took.TotalMilliseconds:0} ms, {Mb(allocated)} MiB allocated in the process (client and hub)");
        }

        Assert.True(after - before < MemoryGrowthLimit, $"managed memory grew by {Mb(after - before)} MiB over two runs of the corpus");
        var health = await new Health.HealthClient(hub.Clients.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

        var maLks = cases.Where(c => c.MaLk is not null).Select(c => c.MaLk!).ToHashSet(StringComparer.Ordinal);
        Assert.True(maLks.Count >= 50, $"only {maLks.Count} entries carry an episode key");
        foreach (var maLk in maLks)
        {
            var lookup = await Assert.ThrowsAsync<RpcException>(() => _intake.GetDossierStatusAsync(
                new GetDossierStatusRequest { DossierId = $"{HostileCorpus.HomeFacility}:{maLk}" }).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
        }

        var received = hub.Emulator.State.GetReceived(0, 1_000_000);
        Assert.DoesNotContain(received, r => r.MaCskcb is HostileCorpus.HomeFacility or HostileCorpus.OtherFacility);
        Assert.DoesNotContain(received, r => maLks.Contains(r.MaLk));
    }

    private async Task<RpcException> SendAsync(HostileCase entry)
    {
        var deadline = DateTime.UtcNow + CallDeadline;
        var request = entry.Build() switch
        {
            SubmitDossierRequest large when large.CalculateSize() > ClientMessageLimit => HostileWireRequest.Of(HostileWireRequest.SubmitDossier, large),
            CheckInRequest large when large.CalculateSize() > ClientMessageLimit => HostileWireRequest.Of(HostileWireRequest.CheckIn, large),
            var small => small,
        };
        var error = await Record.ExceptionAsync(async () =>
        {
            var refusal = request switch
            {
                SubmitDossierRequest submit => await Refusal(_intake.SubmitDossierAsync(submit, deadline: deadline).ResponseAsync),
                CheckInRequest checkIn => await Refusal(_intake.CheckInAsync(checkIn, deadline: deadline).ResponseAsync),
                HostileWireRequest wire => await HostileWire.SendAsync(Http, hub.Settings.GrpcAddress, _key, wire, CancellationToken.None),
                _ => throw new InvalidOperationException($"{entry.Name}: unknown request type {request.GetType().Name}"),
            };
            if (refusal is not null)
            {
                throw refusal;
            }
        });
        Assert.True(error is RpcException, $"{entry.Name}: expected {entry.Status}, but the hub "
            + (error is null ? "ACCEPTED the request" : $"failed the client with {error.GetType().Name}: {error.Message}"));
        return (RpcException)error!;
    }

    private static async Task<RpcException?> Refusal<T>(Task<T> call)
    {
        await call;
        return null;
    }

    private static void AssertRefusal(HostileCase entry, RpcException error)
    {
        var violations = error.StatusCode == StatusCode.InvalidArgument
            ? error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.ToList() ?? []
            : [];
        var seen = string.Join("; ", violations.Select(v => $"{v.Field} {v.Description}"));
        Assert.True(entry.Status == error.StatusCode,
            $"{entry.Name}: expected {entry.Status}, got {error.StatusCode} ({error.Status.Detail}) {seen}");
        Assert.DoesNotContain("root:x:0:0", error.Status.Detail, StringComparison.Ordinal);

        switch (error.StatusCode)
        {
            case StatusCode.InvalidArgument:
                foreach (var expected in entry.Violations)
                {
                    Assert.True(violations.Any(v => v.Field == expected.Field && v.Description.StartsWith(expected.Rule + ":", StringComparison.Ordinal)),
                        $"{entry.Name}: expected {expected}, got {seen}");
                }

                Assert.All(violations, v => Assert.True(KnownRules.Contains(v.Description[..Math.Max(0, v.Description.IndexOf(':', StringComparison.Ordinal))]),
                    $"{entry.Name}: '{v.Description}' does not start with a rule code"));
                if (entry.Exact)
                {
                    Assert.True(entry.Violations.Count == violations.Count, $"{entry.Name}: expected exactly {string.Join("; ", entry.Violations)}, got {seen}");
                }

                break;
            case StatusCode.PermissionDenied:
                Assert.Equal(Authorizer.ScopeMismatch, error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
                break;
        }
    }

    private static long FullGcTotalMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
