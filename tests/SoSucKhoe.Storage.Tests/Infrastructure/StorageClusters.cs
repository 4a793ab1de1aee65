using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace SoSucKhoe.Storage.Tests.Infrastructure;

/// <summary>Starts one-silo, in-process Orleans test clusters for the storage tests.</summary>
public static class StorageClusters
{
    public static async Task<TestCluster> StartAsync(
        string serviceId, IReadOnlyDictionary<string, string> properties, Action<TestClusterBuilder> configure)
    {
        var builder = new TestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        foreach (var (key, value) in properties)
        {
            builder.Properties[key] = value;
        }

        configure(builder);
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>The named grain storage of the cluster's first silo, to call the provider directly.</summary>
    public static IGrainStorage GrainStorage(this TestCluster cluster, string providerName) =>
        ((InProcessSiloHandle)(cluster.Primary ?? throw new InvalidOperationException("The cluster has no silo."))).SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(providerName);

    public static string NewServiceId() => $"storage-tests-{Guid.NewGuid():N}";
}
