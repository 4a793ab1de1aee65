using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using SoSucKhoe.Silo.Hosting;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>How the hub configures Orleans' collection of idle grains: by age, and under memory pressure.</summary>
public sealed class GrainCollectionSettingsTests
{
    [Fact]
    public async Task By_default_idle_grains_are_shed_above_70_percent_of_the_memory_limit_down_to_55()
    {
        var options = await CollectionOptionsAsync();

        Assert.True(options.EnableActivationSheddingOnMemoryPressure);
        Assert.Equal((70, 55), (options.MemoryUsageLimitPercentage, options.MemoryUsageTargetPercentage));
        Assert.Equal(TimeSpan.FromMinutes(1), options.ClassSpecificCollectionAge["SoSucKhoe.Grains.Patients.PatientGrain"]);
    }

    [Fact]
    public async Task The_thresholds_are_configurable_and_zero_turns_shedding_off()
    {
        var tuned = await CollectionOptionsAsync("--Hub:ShedIdleGrainsAbovePercent=80", "--Hub:ShedIdleGrainsToPercent=65");
        var off = await CollectionOptionsAsync("--Hub:ShedIdleGrainsAbovePercent=0");

        Assert.Equal((true, 80, 65), (tuned.EnableActivationSheddingOnMemoryPressure, tuned.MemoryUsageLimitPercentage, tuned.MemoryUsageTargetPercentage));
        Assert.False(off.EnableActivationSheddingOnMemoryPressure);
    }

    private static async Task<GrainCollectionOptions> CollectionOptionsAsync(params string[] extra)
    {
        var folder = Directory.CreateTempSubdirectory("sosuckhoe-collection-").FullName;
        try
        {
            var settings = new HubSettings(new Uri("http://127.0.0.1:9/gateway/"), folder);
            await using var hub = HubHost.Build([.. settings.ToArguments(), .. extra]);
            return hub.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
