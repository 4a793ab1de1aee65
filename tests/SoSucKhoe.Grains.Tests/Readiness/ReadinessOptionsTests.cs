using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SoSucKhoe.Facilities;
using SoSucKhoe.Grains.Monitoring;

namespace SoSucKhoe.Grains.Tests.Readiness;

public sealed class ReadinessOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_follow_the_Binh_Phuoc_plan()
    {
        var options = new ReadinessOptions();

        Assert.True(new ReadinessOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(new DateOnly(2024, 12, 31), options.Phase1Deadline);
        Assert.Equal(new DateOnly(2025, 3, 31), options.Phase2Deadline);
        Assert.Equal(6, options.EffectiveWorkingDays.Count);
        Assert.DoesNotContain(DayOfWeek.Sunday, options.EffectiveWorkingDays);
    }

    [Fact]
    public void Settings_that_cannot_work_are_refused_with_their_keys()
    {
        var options = new ReadinessOptions
        {
            ConformanceDossiersRequired = 0,
            StaffTrainedThreshold = 1.5,
            ProvinceCode = "7",
            WorkdayStart = new TimeOnly(17, 0),
            WorkdayEnd = new TimeOnly(7, 0),
        };

        var result = new ReadinessOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("ConformanceDossiersRequired"));
        Assert.Contains(result.Failures!, f => f.Contains("StaffTrainedThreshold"));
        Assert.Contains(result.Failures!, f => f.Contains("ProvinceCode"));
        Assert.Contains(result.Failures!, f => f.Contains("WorkdayEnd"));
    }

    [Fact]
    public void The_care_type_map_is_configuration_whose_entries_override_the_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Monitoring:CareTypes:11"] = "Telemedicine",
            ["Monitoring:CareTypes:01"] = "DayCare",
            ["Readiness:WorkingDays:0"] = "Monday",
            ["Readiness:WorkdayStart"] = "07:30",
        }).Build();
        var services = new ServiceCollection();
        services.AddSoSucKhoeGrains(configuration);
        using var provider = services.BuildServiceProvider();

        var monitoring = provider.GetRequiredService<IOptions<MonitoringOptions>>().Value;
        var readiness = provider.GetRequiredService<IOptions<ReadinessOptions>>().Value;

        Assert.Equal(CareType.Telemedicine, monitoring.CareTypeOf("11"));
        Assert.Equal(CareType.DayCare, monitoring.CareTypeOf("01"));
        Assert.Equal(CareType.Inpatient, monitoring.CareTypeOf("03"));
        Assert.Equal(CareType.OutpatientExam, monitoring.CareTypeOf("16"));
        Assert.Equal([DayOfWeek.Monday], readiness.EffectiveWorkingDays);
        Assert.Equal(new TimeOnly(7, 30), readiness.WorkdayStart);
    }
}
