using System.Globalization;
using System.Text;
using SoSucKhoe.Api.V1;
using SoSucKhoe.TestData;
using SoSucKhoe.Testing;
using static SoSucKhoe.EndToEnd.Tests.MonitoringTestKit;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// The semiannual report (QĐ 2733 Appendix 01 Art. 8) and the flow statistics, compared with counts the test makes from the raw
/// dossiers it submitted: visits per care type and insurance, interconnected once the gateway emulator acknowledged them;
/// received, refused, accepted and acknowledged per facility.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class MonitoringReportTests(HubFixture hub) : IAsyncLifetime
{
    private const string Province = "93";
    private static readonly string[] Facilities = ["93001", "93002"];
    private static readonly string[] VisitTypes = ["01", "02", "03", "04", "05", "07", "08", "09", "10"];
    private static readonly ProvinceGenerator s_people = new(seed: 9393, new ProvinceOptions { FacilityCount = 2, CitizenCount = 3_000 });
    private static Task<Submitted>? s_submitted;
    private Submitted _submitted = null!;
    private string _provinceKey = null!;

    private sealed record Submitted(IReadOnlyList<GeneratedDossier> Accepted, IReadOnlyDictionary<string, int> Refused);

    public async Task InitializeAsync()
    {
        _provinceKey = await ProvinceKeyAsync(hub, Province);
        _submitted = await (s_submitted ??= SubmitAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_semiannual_report_equals_a_count_of_the_submitted_dossiers_by_care_type_and_insurance()
    {
        var monitoring = MonitoringAs(hub, _provinceKey);
        await WaitUntilAcknowledgedAsync(monitoring);

        var report = await monitoring.GetSemiannualReportAsync(new GetSemiannualReportRequest { Year = 2025, Half = 1 });

        Assert.Equal("2025-H1", report.Period);
        Assert.Equal(Province, report.ProvinceCode);
        Assert.Equal((Facilities.Length + 1) * 6 * 2, report.Lines.Count);
        var expected = _submitted.Accepted
            .GroupBy(d => (d.FacilityCode, CareType: CareTypeOf(d.VisitType), Insured: d.Citizen.IsInsured))
            .ToDictionary(g => g.Key, g => g.Count());
        foreach (var line in report.Lines)
        {
            var count = line.FacilityCode.Length == 0
                ? expected.Where(e => e.Key.CareType == line.CareType && e.Key.Insured == line.Insured).Sum(e => e.Value)
                : expected.GetValueOrDefault((line.FacilityCode, line.CareType, line.Insured));
            Assert.True(count == line.Visits, $"{line.FacilityCode} {line.CareType} insured={line.Insured}: counted {count}, report {line.Visits}");
            // Every dossier was acknowledged by the emulator: each visit is interconnected.
            Assert.Equal(line.Visits, line.Interconnected);
        }

        Assert.Equal(_submitted.Accepted.Count, report.Lines.Where(l => l.FacilityCode.Length == 0).Sum(l => l.Visits));
        Assert.Contains(report.Lines, l => l.FacilityCode.Length == 0 && l.Insured && l.Visits > 0);
        Assert.Contains(report.Lines, l => l.FacilityCode.Length == 0 && !l.Insured && l.Visits > 0);
        Assert.All(report.Lines.Where(l => l.CareType == CareType.Telemedicine), l => Assert.Equal(0, l.Visits));

        // The other half-year holds none of these visits.
        var other = await monitoring.GetSemiannualReportAsync(new GetSemiannualReportRequest { Year = 2025, Half = 2 });
        Assert.All(other.Lines, l => Assert.Equal(0, l.Visits));
    }

    [Fact]
    public async Task The_report_csv_is_utf8_with_a_bom_a_vietnamese_header_and_the_same_numbers_as_the_lines()
    {
        var monitoring = MonitoringAs(hub, _provinceKey);
        await WaitUntilAcknowledgedAsync(monitoring);

        var report = await monitoring.GetSemiannualReportAsync(new GetSemiannualReportRequest { Year = 2025, Half = 1 });
        var bytes = report.Csv.ToByteArray();
        var rows = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("ma_cskcb,ten_co_so,ma_loai_hinh,loai_hinh,co_bhyt,so_luot_kcb,so_luot_lien_thong,ma_xa,ten_xa,ma_huyen,ten_huyen", rows[0]);
        Assert.Equal(report.Lines.Count, rows.Length - 1);
        foreach (var (row, line) in rows.Skip(1).Zip(report.Lines, (r, l) => (r, l)))
        {
            var cells = row.Split(',');
            Assert.Equal(line.FacilityCode, cells[0]);
            Assert.Equal(((int)line.CareType).ToString(CultureInfo.InvariantCulture), cells[2]);
            Assert.Equal(line.Insured ? "1" : "0", cells[4]);
            Assert.Equal(line.Visits.ToString(CultureInfo.InvariantCulture), cells[5]);
            Assert.Equal(line.Interconnected.ToString(CultureInfo.InvariantCulture), cells[6]);
        }

        Assert.Contains(rows, r => r.StartsWith(",Tổng cộng,1,Khám bệnh ngoại trú,1,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(",4,Điều trị nội trú,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Flow_stats_count_what_each_facility_sent_what_the_hub_refused_and_what_the_gateway_acknowledged()
    {
        var monitoring = MonitoringAs(hub, _provinceKey);
        await WaitUntilAcknowledgedAsync(monitoring);

        var stats = await monitoring.GetFlowStatsAsync(new GetFlowStatsRequest());

        Assert.Equal(Province, stats.ProvinceCode);
        Assert.Equal(Facilities, stats.Facilities.Select(f => f.FacilityCode));
        foreach (var flow in stats.Facilities)
        {
            var accepted = _submitted.Accepted.Count(d => d.FacilityCode == flow.FacilityCode);
            var refused = _submitted.Refused[flow.FacilityCode];
            Assert.Equal(accepted + refused, flow.Received);
            Assert.Equal(refused, flow.RefusedByHub);
            Assert.Equal(accepted, flow.Accepted);
            Assert.Equal(accepted, flow.Acknowledged);
            Assert.Equal(0, flow.RejectedByGateway);
            Assert.Equal(0, flow.Backlog);
            Assert.True(flow.Forwarded >= accepted);
            Assert.True(flow.MaxLagMs >= flow.AverageLagMs && flow.AverageLagMs > 0);
            Assert.NotNull(flow.LastActivity);
            Assert.Equal(flow.Received, flow.RecentReceived);
        }

        Assert.Equal(stats.Facilities.Sum(f => f.Received), stats.Total.Received);
        Assert.Equal(stats.Facilities.Sum(f => f.Acknowledged), stats.Total.Acknowledged);
        var readiness = await monitoring.GetProvinceReadinessAsync(new GetProvinceReadinessRequest());
        Assert.Equal(stats.Total, readiness.Total.Flow);
        Assert.Equal(2, readiness.Total.ByState.Single(s => s.State == ReadinessState.Live).Facilities);
        var one = await monitoring.GetFlowStatsAsync(new GetFlowStatsRequest { FacilityCode = Facilities[1] });
        Assert.Equal(stats.Facilities[1], one.Facilities.Single());
        var unknown = await FailsAsync(monitoring.GetFlowStatsAsync(new GetFlowStatsRequest { FacilityCode = "93999" }));
        Assert.Equal(Grpc.Core.StatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>Readies both facilities, then submits dossiers of every visit type for insured and uninsured patients, plus tampered ones.</summary>
    private async Task<Submitted> SubmitAsync()
    {
        var keys = await Task.WhenAll(Facilities.Select(code => hub.Clients.ReadyFacilityAsync(code, "Bệnh viện " + code, "931")));
        var factory = new DossierFactory(seed: 9393);
        var insured = PatientsOf(s_people, insured: true).GetEnumerator();
        var uninsured = PatientsOf(s_people, insured: false).GetEnumerator();
        var accepted = new List<GeneratedDossier>();
        var refused = new Dictionary<string, int>();
        var arrival = new DateTimeOffset(2025, 4, 1, 8, 0, 0, TimeSpan.FromHours(7));
        for (var f = 0; f < Facilities.Length; f++)
        {
            var facility = ConformanceDossiers.Facility(Facilities[f]);
            var n = 0;
            foreach (var visitType in VisitTypes)
            {
                // A varied mix per facility and visit type: 1-3 insured, 0-2 uninsured.
                var copies = ((f + 1) * (visitType[1] - '0') % 3) + 1;
                for (var i = 0; i < copies + (copies - 1); i++)
                {
                    var people = i < copies ? insured : uninsured;
                    Assert.True(people.MoveNext());
                    var dossier = factory.Create(people.Current, facility, visitType, arrival.AddDays(n++));
                    Assert.True(dossier.Summary.Discharge < new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.FromHours(7)));
                    var answer = await SubmitDossierAsync(hub, keys[f], dossier);
                    Assert.Equal(1, answer.Version);
                    accepted.Add(dossier);
                }
            }

            // Dossiers changed after signing are refused by the hub, received but never accepted.
            Assert.True(insured.MoveNext());
            var tampered = factory.Create(insured.Current, facility, "01", arrival).WithField("XML1", "T_TONGCHI", "1", resign: false);
            for (var i = 0; i <= f; i++)
            {
                await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => SubmitDossierAsync(hub, keys[f], tampered));
            }

            refused[Facilities[f]] = f + 1;
        }

        return new Submitted(accepted, refused);
    }

    private async Task WaitUntilAcknowledgedAsync(Api.V1.Monitoring.MonitoringClient monitoring)
    {
        FlowStats? stats = null;
        var done = await Eventually.Until(async () =>
        {
            stats = await monitoring.GetFlowStatsAsync(new GetFlowStatsRequest());
            return stats.Facilities.Count == Facilities.Length && stats.Facilities.All(f =>
                f.Acknowledged == _submitted.Accepted.Count(d => d.FacilityCode == f.FacilityCode)
                && f.Received == f.Acknowledged + _submitted.Refused[f.FacilityCode]);
        }, Patience, TimeSpan.FromMilliseconds(200));
        Assert.True(done, $"the gateway did not acknowledge every dossier in time: {stats}");
    }

    /// <summary>The hub's default care-type map (MA_LOAI_KCB to the report's six care types).</summary>
    private static CareType CareTypeOf(string visitType) => visitType switch
    {
        "02" or "05" or "08" => CareType.OutpatientTreatment,
        "07" => CareType.DrugRefill,
        "03" or "06" or "09" => CareType.Inpatient,
        "04" => CareType.DayCare,
        "14" => CareType.Telemedicine,
        _ => CareType.OutpatientExam,
    };
}
