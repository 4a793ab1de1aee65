using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SoSucKhoe.Gateway.Tests;

public sealed class EmulatorTests
{
    [Fact]
    public async Task The_token_service_refuses_a_password_that_is_not_the_accounts_MD5()
    {
        await using var bed = await GatewayTestBed.StartAsync();

        using var wrong = await TakeTokenAsync(bed, GatewayTestBed.Username, GatewayPasswordHash.Compute("guess"));
        using var right = await TakeTokenAsync(bed, GatewayTestBed.Username, GatewayPasswordHash.Compute(GatewayTestBed.Password));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("401", (await ReadJsonAsync(wrong)).GetProperty("maKetQua").GetString());
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var body = await ReadJsonAsync(right);
        Assert.Equal("200", body.GetProperty("maKetQua").GetString());
        var apiKey = body.GetProperty("APIKey");
        Assert.False(string.IsNullOrEmpty(apiKey.GetProperty("access_token").GetString()));
        Assert.False(string.IsNullOrEmpty(apiKey.GetProperty("id_token").GetString()));
        Assert.Equal(GatewayTestBed.Username, apiKey.GetProperty("username").GetString());
        Assert.True(apiKey.GetProperty("expires_in").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(30));
    }

    [Fact]
    public async Task A_data_call_with_a_wrong_password_hash_is_refused_with_401()
    {
        await using var bed = await GatewayTestBed.StartAsync();
        var (accessToken, idToken) = await TokenAsync(bed, GatewayTestBed.Username, GatewayTestBed.Password);

        using var response = await PostDossierAsync(bed, GatewayTestBed.Username, accessToken, idToken, GatewayPasswordHash.Compute("other"),
            TestDocuments.Facility, TestDocuments.Dossier("LK-HASH"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("401", (await ReadJsonAsync(response)).GetProperty("maKetQua").GetString());
        var stats = await bed.StatsAsync();
        Assert.Equal(1, stats.Unauthorized);
        Assert.Equal(0, stats.Received);
    }

    [Fact]
    public async Task A_token_is_only_good_for_the_account_it_was_issued_to()
    {
        await using var bed = await GatewayTestBed.StartAsync(emulator: o => o.Accounts.Clear());
        var (accessToken, idToken) = await TokenAsync(bed, "bv70001", "pw-one");

        using var stolen = await PostDossierAsync(bed, "bv70002", accessToken, idToken, GatewayPasswordHash.Compute("pw-one"),
            TestDocuments.Facility, TestDocuments.Dossier("LK-OTHER"));
        using var own = await PostDossierAsync(bed, "bv70001", accessToken, idToken, GatewayPasswordHash.Compute("pw-one"),
            TestDocuments.Facility, TestDocuments.Dossier("LK-OWN"));

        Assert.Equal(HttpStatusCode.Unauthorized, stolen.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("200", (await ReadJsonAsync(own)).GetProperty("maKetQua").GetString());
    }

    [Fact]
    public async Task In_open_mode_any_account_works_with_the_hash_of_the_password_it_presented()
    {
        await using var bed = await GatewayTestBed.StartAsync(emulator: o => o.Accounts.Clear());
        var anyone = new GatewayAccount("any-facility-account", "whatever");

        var result = await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier("LK-OPEN"), account: anyone), CancellationToken.None);

        Assert.Equal(GatewayOutcome.Acknowledged, result.Outcome);
        Assert.Equal("any-facility-account", Assert.Single(await bed.ReceivedAsync()).Username);
    }

    [Fact]
    public async Task Missing_form_fields_are_refused_with_400()
    {
        await using var bed = await GatewayTestBed.StartAsync();
        var (accessToken, idToken) = await TokenAsync(bed, GatewayTestBed.Username, GatewayTestBed.Password);

        using var response = await PostDossierAsync(bed, GatewayTestBed.Username, accessToken, idToken,
            GatewayPasswordHash.Compute(GatewayTestBed.Password), facility: "", TestDocuments.Dossier("LK-NOFAC"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal("400", body.GetProperty("maKetQua").GetString());
        Assert.Contains("maCSKCB", body.GetProperty("thongDiep").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resent_identical_documents_count_as_duplicates_and_new_versions_do_not()
    {
        await using var bed = await GatewayTestBed.StartAsync();
        var version1 = TestDocuments.Dossier("LK-DUP", note: "v1");
        var version2 = TestDocuments.Dossier("LK-DUP", note: "v2 NGAY_TTOAN known");

        foreach (var document in new[] { version1, version1, version2, version1 })
        {
            var result = await bed.Client.SendDossierAsync(bed.Submission(document), CancellationToken.None);
            Assert.Equal(GatewayOutcome.Acknowledged, result.Outcome);
        }

        var stats = await bed.StatsAsync();
        Assert.Equal(4, stats.Dossiers);
        Assert.Equal(2, stats.Duplicates);
        Assert.Equal(2, stats.DistinctDossiers);
        Assert.Equal(1, stats.DistinctEpisodes);
        Assert.Equal([false, true, false, true], (await bed.ReceivedAsync()).Select(i => i.Duplicate));
    }

    [Fact]
    public async Task A_check_in_arriving_after_the_dossier_of_its_episode_is_an_order_violation()
    {
        await using var bed = await GatewayTestBed.StartAsync();

        // In order: check-in then dossier. Out of order: dossier then check-in of the same MA_LK at the same facility.
        await SendAsync(bed, checkIn: true, "LK-ORDER-OK");
        await SendAsync(bed, checkIn: false, "LK-ORDER-OK");
        await SendAsync(bed, checkIn: false, "LK-ORDER-BAD");
        await SendAsync(bed, checkIn: true, "LK-ORDER-BAD");

        var stats = await bed.StatsAsync();
        Assert.Equal(1, stats.OrderViolations);
        var items = await bed.ReceivedAsync();
        Assert.Equal([false, false, false, true], items.Select(i => i.OrderViolation));
    }

    [Fact]
    public async Task Each_persons_arrivals_are_numbered_and_only_a_masked_ID_is_kept()
    {
        await using var bed = await GatewayTestBed.StartAsync();
        await SendAsync(bed, checkIn: true, "LK-P-1");
        await bed.Client.SendCheckInAsync(bed.Submission(TestDocuments.CheckIn("LK-P-2", TestDocuments.OtherPersonId)), CancellationToken.None);
        await SendAsync(bed, checkIn: false, "LK-P-1");

        var items = await bed.ReceivedAsync();
        var mine = items.Where(i => i.PersonHash == bed.State.PersonHashOf(TestDocuments.PersonId)).ToList();
        Assert.Equal([1L, 2L], mine.Select(i => i.PersonSequence));
        Assert.Equal(1, items.Single(i => i.MaLk == "LK-P-2").PersonSequence);
        Assert.All(mine, i => Assert.Equal("0700******56", i.PersonMasked));

        var raw = await bed.Http.GetStringAsync("emulator/received");
        Assert.DoesNotContain(TestDocuments.PersonId, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(TestDocuments.OtherPersonId, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_received_list_is_bounded_while_the_counters_stay_exact_and_it_pages_by_sequence()
    {
        await using var bed = await GatewayTestBed.StartAsync(emulator: o => o.ReceivedCapacity = 3);
        for (var i = 1; i <= 5; i++)
        {
            await SendAsync(bed, checkIn: true, $"LK-CAP-{i}");
        }

        var stats = await bed.StatsAsync();
        Assert.Equal(5, stats.Received);
        Assert.Equal(3, stats.Retained);
        Assert.Equal([3L, 4L, 5L], (await bed.ReceivedAsync()).Select(i => i.Sequence));
        Assert.Equal(["LK-CAP-4"], (await bed.ReceivedAsync(after: 3, limit: 1)).Select(i => i.MaLk));
        Assert.Empty(await bed.ReceivedAsync(after: 5));
    }

    [Fact]
    public async Task Reset_clears_counters_and_items_and_restores_the_configured_faults()
    {
        await using var bed = await GatewayTestBed.StartAsync();
        await SendAsync(bed, checkIn: true, "LK-RESET");
        await bed.SetFaultsAsync(new EmulatorFaultUpdate(ErrorRate: 0.5, LatencyMs: 5));

        using var response = await bed.Http.PostAsync("emulator/reset", content: null);

        response.EnsureSuccessStatusCode();
        var stats = await bed.StatsAsync();
        Assert.Equal(0, stats.Received);
        Assert.Equal(0, stats.Retained);
        Assert.Empty(await bed.ReceivedAsync());
        var faults = (await bed.Http.GetFromJsonAsync<EmulatorFaultState>("emulator/faults", GatewayTestBed.Json))!;
        Assert.Equal(0, faults.ErrorRate);
        Assert.Equal(0, faults.LatencyMs);
    }

    [Fact]
    public async Task Faults_set_over_HTTP_are_reported_back_and_an_outage_answers_503()
    {
        await using var bed = await GatewayTestBed.StartAsync();

        var faults = await bed.SetFaultsAsync(new EmulatorFaultUpdate(ErrorRate: 0.25, RejectRate: 0.1, OutageSeconds: 30));
        using var during = await TakeTokenAsync(bed, GatewayTestBed.Username, GatewayPasswordHash.Compute(GatewayTestBed.Password));
        var cleared = await bed.SetFaultsAsync(new EmulatorFaultUpdate(Clear: true));

        Assert.Equal(0.25, faults.ErrorRate);
        Assert.Equal(0.1, faults.RejectRate);
        Assert.NotNull(faults.OutageUntil);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Null(cleared.OutageUntil);
        Assert.Equal(0, cleared.ErrorRate);
        Assert.Equal(1, (await bed.StatsAsync()).FaultsInjected);
    }

    private static async Task SendAsync(GatewayTestBed bed, bool checkIn, string maLk)
    {
        var result = checkIn
            ? await bed.Client.SendCheckInAsync(bed.Submission(TestDocuments.CheckIn(maLk)), CancellationToken.None)
            : await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier(maLk)), CancellationToken.None);
        Assert.Equal(GatewayOutcome.Acknowledged, result.Outcome);
    }

    private static Task<HttpResponseMessage> TakeTokenAsync(GatewayTestBed bed, string username, string passwordHash) =>
        bed.Http.PostAsync("api/token/take", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username,
            ["password"] = passwordHash,
        }));

    private static async Task<(string AccessToken, string IdToken)> TokenAsync(GatewayTestBed bed, string username, string password)
    {
        using var response = await TakeTokenAsync(bed, username, GatewayPasswordHash.Compute(password));
        response.EnsureSuccessStatusCode();
        var apiKey = (await ReadJsonAsync(response)).GetProperty("APIKey");
        return (apiKey.GetProperty("access_token").GetString()!, apiKey.GetProperty("id_token").GetString()!);
    }

    private static Task<HttpResponseMessage> PostDossierAsync(
        GatewayTestBed bed, string username, string accessToken, string idToken, string passwordHash, string facility, byte[] document,
        string path = "api/qd130/guiHoSoXmlQD3176")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = username,
                ["loaiHoSo"] = "130",
                ["maTinh"] = TestDocuments.Province,
                ["maCSKCB"] = facility,
                ["fileHSBase64"] = Convert.ToBase64String(document),
            }),
        };
        request.Headers.Add("accessToken", accessToken);
        request.Headers.Add("tokenId", idToken);
        request.Headers.Add("passwordHash", passwordHash);
        return bed.Http.SendAsync(request);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
