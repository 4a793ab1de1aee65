using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace SoSucKhoe.Gateway.Tests;

/// <summary>
/// The gateway takes each data standard at its own endpoints (QĐ 4750: guiHoSoXmlQD4750 / checkInKcbQd4750, QĐ 3176:
/// guiHoSoXmlQD3176 / checkInKcbQd3176) and refuses a document whose episode another standard governs; the client sends each
/// document to the endpoints of the standard it was validated against.
/// </summary>
public sealed class StandardEndpointTests
{
    [Fact]
    public async Task The_client_sends_each_document_to_the_endpoints_of_its_standard()
    {
        await using var bed = await GatewayTestBed.StartAsync();

        var current = await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier("LK-2026", day: "20260310"), standard: "3176"),
            CancellationToken.None);
        var correction = await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier("LK-2024", day: "20241210"), standard: "4750"),
            CancellationToken.None);
        var checkIn = await bed.Client.SendCheckInAsync(bed.Submission(TestDocuments.CheckIn("LK-2026", day: "20260310"), standard: "3176"),
            CancellationToken.None);

        Assert.All([current, correction, checkIn], r => Assert.Equal(GatewayOutcome.Acknowledged, r.Outcome));
        var received = await bed.ReceivedAsync();
        Assert.Equal([("LK-2026", ReceivedKind.Dossier, "3176"), ("LK-2024", ReceivedKind.Dossier, "4750"), ("LK-2026", ReceivedKind.CheckIn, "3176")],
            received.Select(r => (r.MaLk, r.Kind, r.Standard)));
    }

    [Fact]
    public async Task A_document_without_a_standard_goes_to_the_default_standard_s_endpoints()
    {
        await using var bed = await GatewayTestBed.StartAsync();

        var legacy = await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier("LK-OLD", day: "20241120"), standard: null),
            CancellationToken.None);

        Assert.Equal(GatewayOutcome.Acknowledged, legacy.Outcome);
        Assert.Equal("4750", Assert.Single(await bed.ReceivedAsync()).Standard);
    }

    [Theory]
    [InlineData("3176", "20241210", "guiHoSoXmlQD4750")]
    [InlineData("4750", "20260310", "guiHoSoXmlQD3176")]
    public async Task The_emulator_refuses_a_dossier_sent_to_the_endpoint_of_another_standard(string sentAs, string day, string rightEndpoint)
    {
        await using var bed = await GatewayTestBed.StartAsync();

        var result = await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier("LK-WRONG", day: day), standard: sentAs),
            CancellationToken.None);

        Assert.Equal(GatewayOutcome.Rejected, result.Outcome);
        Assert.Equal("400", result.MaKetQua);
        Assert.Contains(rightEndpoint, result.ThongDiep, StringComparison.Ordinal);
        Assert.Empty(await bed.ReceivedAsync());
        Assert.Equal(1, (await bed.StatsAsync()).Rejected);
    }

    [Fact]
    public async Task The_emulator_refuses_a_check_in_sent_to_the_endpoint_of_another_standard()
    {
        await using var bed = await GatewayTestBed.StartAsync();

        var result = await bed.Client.SendCheckInAsync(bed.Submission(TestDocuments.CheckIn("LK-CI", day: "20260310"), standard: "4750"),
            CancellationToken.None);

        Assert.Equal(GatewayOutcome.Rejected, result.Outcome);
        Assert.Contains("checkInKcbQd3176", result.ThongDiep, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emulator_serves_both_endpoint_families_at_their_official_paths()
    {
        await using var bed = await GatewayTestBed.StartAsync();
        using var token = await bed.Http.PostAsync("api/token/take", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = GatewayTestBed.Username,
            ["password"] = GatewayPasswordHash.Compute(GatewayTestBed.Password),
        }));
        var key = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("APIKey");

        foreach (var (path, day) in new[]
                 {
                     ("api/qd130/guiHoSoXmlQD4750", "20241210"), ("api/qd130/guiHoSoXmlQD3176", "20260310"),
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["username"] = GatewayTestBed.Username,
                    ["loaiHoSo"] = "130",
                    ["maTinh"] = TestDocuments.Province,
                    ["maCSKCB"] = TestDocuments.Facility,
                    ["fileHSBase64"] = Convert.ToBase64String(TestDocuments.Dossier("LK-" + day, day: day)),
                }),
            };
            request.Headers.Add("accessToken", key.GetProperty("access_token").GetString());
            request.Headers.Add("tokenId", key.GetProperty("id_token").GetString());
            request.Headers.Add("passwordHash", GatewayPasswordHash.Compute(GatewayTestBed.Password));
            using var response = await bed.Http.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public void The_endpoints_of_a_standard_are_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:Endpoints:3176:DossierPath"] = "api/hub/guiHoSo",
            ["Gateway:Endpoints:2027:CheckInPath"] = "api/qd2027/checkIn",
            ["Gateway:Endpoints:2027:DossierPath"] = "api/qd2027/guiHoSo",
        }).Build();
        var options = configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>()!;

        Assert.Equal("api/hub/guiHoSo", options.EndpointsOf("3176")!.DossierPath);
        Assert.Equal("api/qd130/checkInKcbQd3176", options.EndpointsOf("3176")!.CheckInPath);
        Assert.Equal("api/qd2027/guiHoSo", options.EndpointsOf("2027")!.DossierPath);
        Assert.Equal("api/qd130/guiHoSoXmlQD4750", options.EndpointsOf(null)!.DossierPath);
        Assert.Null(options.EndpointsOf("1931"));
    }

    [Fact]
    public void A_standard_with_a_missing_path_is_refused_at_start()
    {
        var options = new GatewayOptions { BaseAddress = new Uri("http://127.0.0.1:9/") };
        options.Endpoints["2027"] = new GatewayEndpoints { DossierPath = "api/qd2027/guiHoSo" };

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Gateway:Endpoints:2027 needs both CheckInPath and DossierPath.", result.Failures);
    }
}
