using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using SoSucKhoe.Forwarding;
using SoSucKhoe.Grains.Monitoring;

namespace SoSucKhoe.Grains.Tests.Readiness;

/// <summary>
/// A one-silo test cluster for the readiness and monitoring grains. Their clock (<see cref="ReadinessClock"/>) is a
/// <see cref="FakeTimeProvider"/> the tests move; the runtime keeps the real clock. It starts on Monday 2 June 2025, 09:00 local.
/// The client subscribes to memory streams, as the API does.
/// </summary>
public sealed class ReadinessClusterFixture : IAsyncLifetime
{
    /// <summary>Monday 2 June 2025, 09:00 in Vietnam.</summary>
    public static readonly DateTimeOffset Start = new(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly FakeTimeProvider s_time = new(Start);

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public FakeTimeProvider Time => s_time;

    public IServiceProvider SiloServices => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services;

    public FlowRecorder Recorder => SiloServices.GetRequiredService<FlowRecorder>();

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder { Options = { InitialSilosCount = 1 } };
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
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
                ["Gateway:BaseAddress"] = "http://127.0.0.1:9/",
                ["Secrets:Key"] = TestSecrets.Key,
                ["Readiness:ProvinceCode"] = "70",
                ["Readiness:SweepInterval"] = "01:00:00",
                ["Monitoring:FlushInterval"] = "01:00:00",
            }).Build();
            silo.Services.AddSingleton(new ReadinessClock(s_time));
            silo.Services.AddSoSucKhoeGrains(configuration);
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) => client.AddMemoryStreams(StreamNames.Provider);
    }
}

[CollectionDefinition(Name)]
public sealed class ReadinessCollection : ICollectionFixture<ReadinessClusterFixture>
{
    public const string Name = "readiness";
}
