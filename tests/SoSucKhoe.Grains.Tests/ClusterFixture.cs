using Orleans.TestingHost;
using SoSucKhoe.Forwarding;
using SoSucKhoe.Testing;

namespace SoSucKhoe.Grains.Tests;

/// <summary>
/// An in-process Orleans test cluster (one silo, memory storage and memory streams) whose forwarders call a real gateway
/// emulator on loopback, with short retry delays so that fault tests finish in seconds. A derived fixture changes settings
/// through <see cref="Settings"/>; they reach the silo as test-cluster properties, so fixtures running side by side never
/// share them.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public EmulatorServer Emulator { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The services of the cluster's one silo (its grain storage, to read what a grain wrote).</summary>
    public IServiceProvider SiloServices => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services;

    /// <summary>The grains' configuration (sections Gateway, Forwarding, Secrets) for a gateway at <paramref name="gateway"/>.</summary>
    protected virtual Dictionary<string, string> Settings(Uri gateway) => new()
    {
        ["Gateway:BaseAddress"] = gateway.ToString(),
        ["Gateway:AttemptTimeout"] = "00:00:02",
        ["Gateway:MaxRetryAttempts"] = "2",
        ["Gateway:RetryBaseDelay"] = "00:00:00.020",
        ["Gateway:RetryMaxDelay"] = "00:00:00.100",
        ["Gateway:CircuitBreakerMinimumThroughput"] = "1000",
        ["Forwarding:RetryBaseDelay"] = "00:00:00.200",
        ["Forwarding:MaxRetryDelay"] = "00:00:01",
        ["Forwarding:RedriveInterval"] = "00:00:02",
        ["Forwarding:DefaultGatewayUsername"] = "grain-tests",
        ["Forwarding:DefaultGatewayPassword"] = "secret",
        ["Secrets:Key"] = TestSecrets.Key,
    };

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorServer.StartAsync();
        var builder = new TestClusterBuilder { Options = { InitialSilosCount = 1 } };
        foreach (var (key, value) in Settings(Emulator.BaseAddress))
        {
            builder.Properties[key] = value;
        }

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
            silo.Services.AddSoSucKhoeGrains(silo.Configuration);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
