using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SoSucKhoe.Storage.Tests.Grains;
using SoSucKhoe.Storage.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SoSucKhoe.Storage.Tests.Sqlite;

/// <summary>
/// Measures the embedded profile's group-commit storage with the workload of the earlier ADO.NET benchmark (SqliteCommitRateBenchmark, removed with that path after commit df64bba: 50
/// grains writing 4 KiB states concurrently, synchronous = FULL), through grains and directly against the store, and reports
/// writes per second and writes per commit (fsync). Not a performance assertion: it checks that every write landed and that
/// writes shared commits. Run: dotnet test ... --filter Category=Benchmark --logger "console;verbosity=detailed"
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class GroupCommitRateBenchmark(ITestOutputHelper output)
{
    private const int Grains = 50;
    private const int WritesPerGrain = 40;
    private const int PayloadBytes = 4 * 1024;

    [Fact]
    public async Task Two_thousand_writes_from_fifty_concurrent_grains_all_land_in_fewer_commits()
    {
        using var folder = new TempFolder("bench-group");
        var connectionString = EmbeddedStorage.Prepare(folder.Path);
        await using var cluster = await StorageClusters.StartAsync(
            StorageClusters.NewServiceId(),
            new Dictionary<string, string> { [ConfigurationKeys.SqliteConnection] = connectionString },
            builder => builder.AddSiloBuilderConfigurator<EmbeddedStorageConfigurator>());
        var grains = Enumerable.Range(0, Grains)
            .Select(i => cluster.GrainFactory.GetGrain<IRecordKeeperGrain>($"bench-{i}"))
            .ToArray();
        await Task.WhenAll(grains.Select(g => g.View()));
        var payload = new byte[PayloadBytes];
        Random.Shared.NextBytes(payload);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(grains.Select(async grain =>
        {
            for (var i = 0; i < WritesPerGrain; i++)
            {
                await grain.Save($"write {i}", payload);
            }
        }));
        clock.Stop();

        const int total = Grains * WritesPerGrain;
        output.WriteLine($"group commit through grains: {total} writes in {clock.Elapsed.TotalSeconds:F2} s = {total / clock.Elapsed.TotalSeconds:F0} writes/s");
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM GrainRecord WHERE Version = $version AND length(Payload) > $size;";
        count.Parameters.AddWithValue("$version", WritesPerGrain);
        count.Parameters.AddWithValue("$size", PayloadBytes);
        Assert.Equal((long)Grains, (long)count.ExecuteScalar()!);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public async Task Direct_store_writes_at_a_given_concurrency_report_the_commit_rate(int writers)
    {
        using var folder = new TempFolder($"bench-store-{writers}");
        using var store = new SqliteGrainStore(EmbeddedStorage.Prepare(folder.Path), NullLogger.Instance);
        var payload = new byte[PayloadBytes];
        Random.Shared.NextBytes(payload);
        var perWriter = Math.Max(20, 2000 / writers);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            long? version = null;
            for (var i = 0; i < perWriter; i++)
            {
                version = await store.WriteAsync(new RecordKey("bench", "state", $"w/{w}"), version, payload)
                    ?? throw new InvalidOperationException("unexpected conflict");
            }
        })));
        clock.Stop();

        var total = writers * perWriter;
        output.WriteLine(
            $"group commit, {writers} writer(s): {total} writes in {clock.Elapsed.TotalSeconds:F2} s = " +
            $"{total / clock.Elapsed.TotalSeconds:F0} writes/s, {store.Commits} commits ({store.Commits / clock.Elapsed.TotalSeconds:F0}/s), " +
            $"{(double)store.Operations / store.Commits:F1} writes per commit");
        Assert.Equal(total, store.Operations);
    }
}
