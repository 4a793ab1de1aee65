using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using SoSucKhoe.Grains;
using SoSucKhoe.Interop;
using SoSucKhoe.Testing;

namespace SoSucKhoe.Grains.Tests;

/// <summary>
/// An in-process Orleans test cluster (one silo, memory storage and memory streams) whose forwarders call a real gateway
/// emulator on loopback, with short retry delays so that fault tests finish in seconds.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private static Uri? s_gateway;

    public TestCluster Cluster { get; private set; } = null!;

    public EmulatorServer Emulator { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorServer.StartAsync();
        s_gateway = Emulator.BaseAddress;
        var builder = new TestClusterBuilder { Options = { InitialSilosCount = 1 } };
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorage(StorageNames.Main);
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.AddMemoryStreams(StreamNames.Provider);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Gateway:BaseAddress"] = s_gateway!.ToString(),
                ["Gateway:AttemptTimeout"] = "00:00:02",
                ["Gateway:MaxRetryAttempts"] = "2",
                ["Gateway:RetryBaseDelay"] = "00:00:00.020",
                ["Gateway:RetryMaxDelay"] = "00:00:00.100",
                ["Gateway:CircuitBreakerMinimumThroughput"] = "1000",
                ["Interop:RetryBaseDelay"] = "00:00:00.200",
                ["Interop:MaxRetryDelay"] = "00:00:01",
                ["Interop:RedriveInterval"] = "00:00:02",
                ["Interop:DefaultGatewayUsername"] = "grain-tests",
                ["Interop:DefaultGatewayPassword"] = "secret",
                ["Secrets:Key"] = TestSecrets.Key,
            }).Build();
            silo.Services.AddSoSucKhoeGrains(configuration);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
