using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SoSucKhoe.Api.V1;
using static SoSucKhoe.EndToEnd.Tests.MonitoringTestKit;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// The province dashboard on the plain-HTTP port: admin key only, Vietnamese for the province's officials, every value
/// HTML-encoded, and the semiannual CSV behind the same gate.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class MonitoringDashboardTests(HubFixture hub)
{
    private const string Province = "95";

    [Fact]
    public async Task The_dashboard_needs_an_admin_key()
    {
        using var http = new HttpClient { BaseAddress = hub.Settings.HttpAddress };
        var provinceKey = await ProvinceKeyAsync(hub, Province);

        var anonymous = await http.GetAsync(new Uri("/dashboard", UriKind.Relative));
        var forged = await Get(http, "/dashboard", "ssk1.nothing.here");
        var asProvince = await Get(http, "/dashboard", provinceKey);
        var csvAnonymous = await http.GetAsync(new Uri("/dashboard/bao-cao-6-thang.csv?nam=2025&ky=1", UriKind.Relative));
        var asAdmin = await Get(http, "/dashboard", hub.Clients.AdminKey);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asProvince.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, csvAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.DoesNotContain("Tỉnh", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_shows_the_province_in_vietnamese_with_every_value_html_encoded()
    {
        await RegisterAsync(hub, "95001", "<script>alert('x')</script> Trạm y tế & Cộng đồng", "951");
        await RegisterAsync(hub, "95002", "Trạm y tế Tân Phú", "952");
        await hub.Clients.AdminFacilities.IssueConnectionCodeAsync(new IssueConnectionCodeRequest { FacilityCode = "95002", KeyLabel = "dashboard" });
        using var http = new HttpClient { BaseAddress = hub.Settings.HttpAddress };

        var response = await Get(http, "/dashboard?tinh=95", hub.Clients.AdminKey);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Sẵn sàng liên thông dữ liệu Sổ sức khỏe điện tử", html, StringComparison.Ordinal);
        foreach (var heading in new[] { "Đã đăng ký", "Đang chuẩn bị", "Sẵn sàng", "Đang liên thông", "Tạm dừng", "Giai đoạn 1", "Cảnh báo", "Luồng dữ liệu theo cơ sở" })
        {
            Assert.Contains(heading, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Trạm y tế &amp; Cộng đồng", html, StringComparison.Ordinal);
        Assert.Contains("Trạm y tế Tân Phú", html, StringComparison.Ordinal);
        Assert.Contains("/dashboard/bao-cao-6-thang.csv?nam=", html, StringComparison.Ordinal);
        Assert.Contains("<meta http-equiv=\"refresh\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_semiannual_csv_is_served_to_an_admin_and_bad_parameters_are_refused()
    {
        await RegisterAsync(hub, "95003", "Phòng khám, \"Hòa Bình\"", "953");
        using var http = new HttpClient { BaseAddress = hub.Settings.HttpAddress };

        var csv = await Get(http, "/dashboard/bao-cao-6-thang.csv?nam=2025&ky=2&tinh=95", hub.Clients.AdminKey);
        var badHalf = await Get(http, "/dashboard/bao-cao-6-thang.csv?nam=2025&ky=3", hub.Clients.AdminKey);
        var badYear = await Get(http, "/dashboard/bao-cao-6-thang.csv?nam=abc&ky=1", hub.Clients.AdminKey);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("bao-cao-6-thang-95-2025-H2.csv", csv.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.StartsWith("ma_cskcb,ten_co_so,ma_loai_hinh,loai_hinh,co_bhyt,so_luot_kcb,so_luot_lien_thong,ma_xa,ten_xa,ma_huyen,ten_huyen\r\n", text,
            StringComparison.Ordinal);
        // The facility was registered without a commune, in district 953: no commune of today, its district kept.
        Assert.Contains("95003,\"Phòng khám, \"\"Hòa Bình\"\"\",1,Khám bệnh ngoại trú,1,0,0,,,953,", text, StringComparison.Ordinal);
        Assert.Contains(",Tổng cộng,6,Khám chữa bệnh từ xa,0,", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badHalf.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
    }

    private static Task<HttpResponseMessage> Get(HttpClient http, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http.SendAsync(request);
    }
}
