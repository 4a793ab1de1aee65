using SoSucKhoe.Facilities;
using SoSucKhoe.Grains.Monitoring;
using SoSucKhoe.Monitoring;
using static SoSucKhoe.Grains.Tests.Readiness.ReadinessSteps;

namespace SoSucKhoe.Grains.Tests.Readiness;

[Collection(ReadinessCollection.Name)]
public sealed class FlowAndReportTests(ReadinessClusterFixture fixture)
{
    private static readonly TimeSpan Local = TimeSpan.FromHours(7);

    /// <summary>The documented default map of MA_LOAI_KCB to the report's care types, written out again by the test.</summary>
    private static readonly Dictionary<string, CareType> ExpectedCareType = new()
    {
        ["01"] = CareType.OutpatientExam, ["10"] = CareType.OutpatientExam, ["02"] = CareType.OutpatientTreatment,
        ["05"] = CareType.OutpatientTreatment, ["08"] = CareType.OutpatientTreatment, ["07"] = CareType.DrugRefill,
        ["03"] = CareType.Inpatient, ["06"] = CareType.Inpatient, ["09"] = CareType.Inpatient, ["04"] = CareType.DayCare,
        ["14"] = CareType.Telemedicine, ["11"] = CareType.OutpatientExam, ["16"] = CareType.OutpatientExam,
    };

    [Fact]
    public async Task Recorded_traffic_reaches_the_flow_grain_and_the_province_totals()
    {
        var facility = await RegisterAsync(fixture.Grains, "75001", "751");
        var recorder = fixture.Recorder;
        var now = fixture.Time.GetUtcNow();
        for (var i = 0; i < 10; i++)
        {
            recorder.Received("75001");
        }

        recorder.RefusedByHub("75001");
        recorder.RefusedByHub("75001");
        for (var i = 0; i < 8; i++)
        {
            recorder.Accepted("75001", i < 5 ? new VisitFacts("01", Insured: true, now) : null);
            recorder.Forwarded("75001");
        }

        recorder.Acknowledged("75001", TimeSpan.FromMilliseconds(300), new VisitFacts("01", true, now));
        recorder.Acknowledged("75001", TimeSpan.FromMilliseconds(100), null);
        recorder.RejectedByGateway("75001");

        await recorder.FlushAsync();

        var flow = await fixture.Grains.GetGrain<IFacilityFlowGrain>("75001").GetFlow();
        Assert.Equal((10, 2, 8, 8, 2, 1, 5), (flow.Received, flow.RefusedByHub, flow.Accepted, flow.Forwarded, flow.Acknowledged,
            flow.RejectedByGateway, flow.Backlog));
        Assert.Equal(200, flow.AverageLagMilliseconds);
        Assert.Equal(300, flow.MaxLagMilliseconds);
        Assert.Equal(now, flow.LastActivity);
        Assert.Equal((10, 2), (flow.RecentReceived, flow.RecentRefused));

        var aggregate = fixture.Grains.GetGrain<IProvinceReadinessGrain>("75");
        Assert.Equal(flow, (await aggregate.GetFlows("75001")).Single());
        var totals = (await aggregate.GetReadiness()).Total.Flow;
        Assert.Equal(new FlowTotals(10, 2, 8, 8, 2, 1, 5), totals);

        // The first acknowledgment is told to the facility grain (what makes a ready facility live).
        Assert.Equal(fixture.Time.GetUtcNow(), (await facility.GetView())!.FirstAcknowledgedAt);

        recorder.Received("75001");
        await recorder.FlushAsync();
        Assert.Equal(11, (await aggregate.GetFlows("75001")).Single().Received);
    }

    [Fact]
    public async Task The_semiannual_report_equals_a_count_of_the_recorded_visits_per_facility_and_in_total()
    {
        const string province = "76";
        var codes = new[] { "76001", "76002", "76003" };
        foreach (var code in codes)
        {
            await RegisterAsync(fixture.Grains, code, "761");
        }

        var random = new Random(2733);
        var visitTypes = ExpectedCareType.Keys.ToArray();
        var recorded = new List<(string Code, VisitFacts Visit, bool Interconnected)>();

        // Episodes around the half-year boundaries in local time: 30/06 23:30 local is H1, 01/07 00:30 local is H2.
        var ends = new[]
        {
            new DateTimeOffset(2025, 6, 30, 23, 30, 0, Local), new DateTimeOffset(2025, 7, 1, 0, 30, 0, Local),
            new DateTimeOffset(2025, 1, 1, 0, 10, 0, Local), new DateTimeOffset(2024, 12, 31, 23, 50, 0, Local),
            new DateTimeOffset(2025, 3, 15, 10, 0, 0, Local), new DateTimeOffset(2025, 6, 30, 16, 59, 0, TimeSpan.Zero),
        };
        foreach (var code in codes.Take(2))
        {
            for (var i = 0; i < 150; i++)
            {
                var visit = new VisitFacts(visitTypes[random.Next(visitTypes.Length)], random.Next(3) > 0, ends[random.Next(ends.Length)]);
                var interconnected = random.Next(4) > 0;
                fixture.Recorder.Accepted(code, visit);
                if (interconnected)
                {
                    fixture.Recorder.Acknowledged(code, TimeSpan.FromSeconds(1), visit);
                }

                recorded.Add((code, visit, interconnected));
            }
        }

        await fixture.Recorder.FlushAsync();
        var report = await fixture.Grains.GetGrain<IProvinceReadinessGrain>(province).GetSemiannualReport("2025-H1");

        Assert.Equal("2025-H1", report.Period);
        Assert.Equal((codes.Length + 1) * 6 * 2, report.Lines.Count);
        var inPeriod = recorded.Where(r => IsFirstHalf2025(r.Visit.EpisodeEnd)).ToList();
        Assert.NotEmpty(inPeriod);
        foreach (var line in report.Lines)
        {
            var matching = inPeriod.Where(r => (line.FacilityCode is null || r.Code == line.FacilityCode)
                && ExpectedCareType[r.Visit.VisitType] == line.CareType && r.Visit.Insured == line.Insured).ToList();
            Assert.Equal(matching.Count, line.Visits);
            Assert.Equal(matching.Count(r => r.Interconnected), line.Interconnected);
        }

        Assert.All(report.Lines.Where(l => l.FacilityCode == "76003"), l => Assert.Equal((0, 0), (l.Visits, l.Interconnected)));
        Assert.Equal(inPeriod.Count, report.Lines.Where(l => l.FacilityCode is null).Sum(l => l.Visits));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            fixture.Grains.GetGrain<IProvinceReadinessGrain>(province).GetSemiannualReport("2025-Q1"));
    }

    [Fact]
    public void Report_periods_are_half_years_in_local_time()
    {
        Assert.Equal("2025-H1", ReportPeriods.Of(new DateTimeOffset(2025, 6, 30, 16, 59, 0, TimeSpan.Zero), Local));
        Assert.Equal("2025-H2", ReportPeriods.Of(new DateTimeOffset(2025, 6, 30, 17, 0, 0, TimeSpan.Zero), Local));
        Assert.Equal("2025-H1", ReportPeriods.Of(new DateTimeOffset(2024, 12, 31, 17, 0, 0, TimeSpan.Zero), Local));
        Assert.True(ReportPeriods.IsValid("2025-H2"));
        Assert.False(ReportPeriods.IsValid("2025-H3"));
    }

    private static bool IsFirstHalf2025(DateTimeOffset at)
    {
        var local = at.ToOffset(Local);
        return local.Year == 2025 && local.Month <= 6;
    }
}
