using SoSucKhoe.Facilities;
using SoSucKhoe.Grains.Monitoring;
using SoSucKhoe.Monitoring;
using static SoSucKhoe.Grains.Tests.Readiness.ReadinessSteps;

namespace SoSucKhoe.Grains.Tests.Readiness;

[Collection(ReadinessCollection.Name)]
public sealed class AlertTests(ReadinessClusterFixture fixture)
{
    [Fact]
    public async Task A_live_facility_is_silent_after_eight_working_hours_without_a_dossier_counting_only_working_hours()
    {
        // Move to the next Monday 09:00 local, so the working hours are known.
        var now = fixture.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        var daysToMonday = ((int)DayOfWeek.Monday - (int)now.DayOfWeek + 7) % 7;
        var monday = new DateTimeOffset(now.Date.AddDays(daysToMonday == 0 ? 7 : daysToMonday).AddHours(9), TimeSpan.FromHours(7));
        fixture.Time.SetUtcNow(monday);
        await MakeLiveAsync(fixture, "80001", "801");
        await MakeLiveAsync(fixture, "80002", "801");
        fixture.Recorder.Received("80001");
        fixture.Recorder.Received("80002");
        await fixture.Recorder.FlushAsync();
        var aggregate = fixture.Grains.GetGrain<IProvinceReadinessGrain>("80");

        fixture.Time.SetUtcNow(monday.AddHours(7)); // 16:00: seven working hours
        Assert.DoesNotContain(await aggregate.GetAlerts(), a => a.Kind == AlertKind.Silent);

        fixture.Recorder.Received("80002");
        await fixture.Recorder.FlushAsync();
        fixture.Time.SetUtcNow(monday.AddDays(1).AddHours(-1)); // Tuesday 08:00: 8 h on Monday + 1 h on Tuesday since 09:00
        var alerts = await aggregate.GetAlerts();

        var silent = Assert.Single(alerts, a => a.Kind == AlertKind.Silent);
        Assert.Equal("80001", silent.FacilityCode);
        Assert.Equal(monday, silent.Since);
    }

    [Fact]
    public void Working_hours_skip_nights_and_sundays()
    {
        var options = new ReadinessOptions();
        var saturday = new DateTimeOffset(2025, 6, 7, 16, 0, 0, TimeSpan.FromHours(7));

        Assert.Equal(TimeSpan.FromHours(2), WorkingHours.Between(saturday, saturday.AddDays(2).AddHours(-8), options)); // Monday 08:00
        Assert.Equal(TimeSpan.Zero, WorkingHours.Between(saturday.AddHours(2), saturday.AddHours(14), options));
        Assert.Equal(TimeSpan.FromHours(10), WorkingHours.Between(saturday.AddDays(2).AddHours(-9), saturday.AddDays(2).AddHours(8), options));
    }

    [Fact]
    public async Task A_certificate_expiring_within_thirty_days_raises_an_alert_and_one_expiring_later_does_not()
    {
        await MakeReadyAsync(fixture, "81001", "811", certificateValidFor: TimeSpan.FromDays(20));
        await MakeReadyAsync(fixture, "81002", "811", certificateValidFor: TimeSpan.FromDays(40));

        var alerts = await fixture.Grains.GetGrain<IProvinceReadinessGrain>("81").GetAlerts();

        var expiring = Assert.Single(alerts, a => a.Kind == AlertKind.CertificateExpiring);
        Assert.Equal("81001", expiring.FacilityCode);
        Assert.Equal("811", expiring.DistrictCode);
    }

    [Fact]
    public async Task A_jump_in_the_rejection_rate_alerts_but_a_steady_rate_or_too_few_dossiers_do_not()
    {
        foreach (var code in new[] { "82001", "82002", "82003" })
        {
            await RegisterAsync(fixture.Grains, code, "821");
        }

        var now = fixture.Time.GetUtcNow();
        var hour = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        await ApplyAsync("82001", baseline: (100, 5), recent: (30, 12), hour); // 5 % → 40 %: jump
        await ApplyAsync("82002", baseline: (100, 30), recent: (30, 12), hour); // 30 % → 40 %: steady
        await ApplyAsync("82003", baseline: (100, 0), recent: (10, 8), hour); // 80 % of only 10 dossiers

        var alerts = await fixture.Grains.GetGrain<IProvinceReadinessGrain>("82").GetAlerts();

        var jump = Assert.Single(alerts, a => a.Kind == AlertKind.RejectionRateJump);
        Assert.Equal("82001", jump.FacilityCode);
        var flow = await fixture.Grains.GetGrain<IFacilityFlowGrain>("82001").GetFlow();
        Assert.Equal((30, 12, 100, 5), (flow.RecentReceived, flow.RecentRefused, flow.BaselineReceived, flow.BaselineRefused));
    }

    private Task ApplyAsync(string code, (long Received, long Refused) baseline, (long Received, long Refused) recent, DateTimeOffset hour) =>
        fixture.Grains.GetGrain<IFacilityFlowGrain>(code).Apply(new FlowDelta(
            baseline.Received + recent.Received, baseline.Refused + recent.Refused, 0, 0, 0, 0, 0, 0, hour, [],
            [
                new HourCount(hour.AddDays(-3), baseline.Received, baseline.Refused),
                new HourCount(hour.AddHours(-2), recent.Received, recent.Refused),
                new HourCount(hour.AddDays(-9), 1000, 1000), // older than the 8 days kept: ignored
            ]));
}
