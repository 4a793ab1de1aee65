using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SoSucKhoe.Storage.Tests.Grains;
using SoSucKhoe.Storage.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SoSucKhoe.Storage.Tests.Sqlite;

/// <summary>
/// Measures grain writes per second through the Orleans ADO.NET provider on the embedded SQLite file, with
/// synchronous = FULL (the shipped setting) and NORMAL, with the shipped connection gate and without it. Not a
/// performance assertion: it checks that every write landed and reports the rate. Run: dotnet test ... --filter Category=Benchmark --logger "console;verbosity=detailed"
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class SqliteCommitRateBenchmark(ITestOutputHelper output)
{
    private const int Grains = 50;
    private const int WritesPerGrain = 40;
    private const int PayloadBytes = 4 * 1024;

    [Theory]
    [InlineData("FULL", true)]
    [InlineData("NORMAL", true)]
    [InlineData("FULL", false)]
    [InlineData("NORMAL", false)]
    public async Task Two_thousand_writes_from_fifty_concurrent_grains_all_land(string synchronous, bool serialize)
    {
        using var folder = new TempFolder($"bench-{synchronous.ToLowerInvariant()}");
        var connectionString = EmbeddedStorage.Prepare(folder.Path);

        // The data source sets FULL on every connection; the write statement overrides it for this run.
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                "UPDATE OrleansQuery SET QueryText = 'PRAGMA synchronous = ' || $mode || ';' || QueryText WHERE QueryKey = 'WriteToStorageKey';";
            command.Parameters.AddWithValue("$mode", synchronous);
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        await using var cluster = await StorageClusters.StartAsync(
            StorageClusters.NewServiceId(),
            new Dictionary<string, string>
            {
                [ConfigurationKeys.SqliteConnection] = connectionString,
                [ConfigurationKeys.SerializeConnections] = serialize.ToString(),
            },
            builder => builder.AddSiloBuilderConfigurator<BenchmarkStorageConfigurator>());
        var grains = Enumerable.Range(0, Grains)
            .Select(i => cluster.GrainFactory.GetGrain<IRecordKeeperGrain>($"bench-{i}"))
            .ToArray();
        await Task.WhenAll(grains.Select(g => g.View()));
        var payload = new byte[PayloadBytes];
        Random.Shared.NextBytes(payload);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(grains.Select(async grain =>
        {
            for (var write = 1; write <= WritesPerGrain; write++)
            {
                await grain.Save($"write {write}", payload);
            }
        }));
        clock.Stop();

        const int total = Grains * WritesPerGrain;
        output.WriteLine(
            $"synchronous={synchronous}, gate={(serialize ? "on" : "off")}: {total} writes ({PayloadBytes} B) from {Grains} grains in {clock.Elapsed.TotalSeconds:F2} s " +
            $"= {total / clock.Elapsed.TotalSeconds:F0} writes/s");

        using var check = new SqliteConnection(connectionString);
        check.Open();
        using var count = check.CreateCommand();
        count.CommandText = "SELECT count(*) FROM GrainState WHERE Version = $version AND length(PayloadBinary) > $size;";
        count.Parameters.AddWithValue("$version", WritesPerGrain);
        count.Parameters.AddWithValue("$size", PayloadBytes);
        Assert.Equal((long)Grains, count.ExecuteScalar());

        await grains[0].Deactivate();
        Assert.Equal(WritesPerGrain, (await grains[0].View()).Writes);
    }
}
