using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using SoSucKhoe.Facilities;
using SoSucKhoe.Monitoring;

namespace SoSucKhoe.Api.Monitoring;

/// <summary>
/// Renders the province dashboard for the health department's officials: one self-contained HTML page in Vietnamese (no
/// scripts, a meta refresh), every value HTML-encoded.
/// </summary>
public static class DashboardPage
{
    /// <summary>The page title.</summary>
    public const string Title = "Sẵn sàng liên thông dữ liệu Sổ sức khỏe điện tử";

    /// <summary>Seconds between automatic refreshes.</summary>
    public const int RefreshSeconds = 60;

    // Vietnamese letters stay readable; markup characters are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>HTML-encodes one value.</summary>
    public static string Encode(string? value) => value is null ? string.Empty : Encoder.Encode(value);

    /// <summary>The whole page.</summary>
    public static string Render(DashboardData data, AdministrativeUnitNames names, string reportLinkBase)
    {
        var readiness = data.Readiness;
        var provinceName = names.Province(readiness.ProvinceCode);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"refresh\" content=\"").Append(RefreshSeconds).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(Title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Encode(Title)).Append("</h1>\n<p class=\"sub\">")
            .Append(Encode(provinceName ?? "Tỉnh")).Append(" (mã ").Append(Encode(readiness.ProvinceCode)).Append(") · Số liệu lúc ")
            .Append(Encode(Local(readiness.AsOf))).Append(" · Tự động cập nhật mỗi ").Append(RefreshSeconds).Append(" giây</p>\n");

        AppendTotals(html, readiness.Total);
        AppendPhases(html, readiness.Phases, data.Now);
        AppendCommunes(html, readiness.Communes, names);
        AppendDistricts(html, readiness.Districts, names);
        AppendConditions(html, readiness.Total);
        AppendAlerts(html, data, names);
        AppendFlows(html, data, names);
        AppendReports(html, reportLinkBase, readiness.ProvinceCode, data.Now);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendTotals(StringBuilder html, ReadinessCounts total)
    {
        html.Append("<section>\n<h2>Tổng hợp theo trạng thái</h2>\n<div class=\"cards\">\n");
        Card(html, "Tổng số cơ sở", total.Facilities);
        foreach (var state in MonitoringLabels.States)
        {
            Card(html, MonitoringLabels.State(state), total.ByState.GetValueOrDefault(state));
        }

        html.Append("</div>\n</section>\n");
    }

    private static void Card(StringBuilder html, string label, int value) =>
        html.Append("<div class=\"card\"><span class=\"n\">").Append(Number(value)).Append("</span><span>")
            .Append(Encode(label)).Append("</span></div>\n");

    private static void AppendPhases(StringBuilder html, IReadOnlyList<PhaseProgress> phases, DateTimeOffset now)
    {
        html.Append("<section>\n<h2>Tiến độ theo kế hoạch</h2>\n<table>\n<thead><tr><th>Giai đoạn</th><th>Thời hạn</th><th>Hoàn thành</th>")
            .Append("<th>Tỷ lệ</th><th>Mục tiêu</th><th>Đánh giá</th></tr></thead>\n<tbody>\n");
        foreach (var phase in phases.OrderBy(p => p.Phase))
        {
            var progress = MonitoringMessages.ToProto(phase, now);
            var verdict = progress.TargetMet ? "Đạt mục tiêu"
                : progress.Overdue ? $"Quá hạn {-progress.DaysLeft} ngày, chưa đạt"
                : $"Còn {progress.DaysLeft} ngày";
            html.Append("<tr><td>").Append(phase.Phase == 1
                    ? "Giai đoạn 1: mã liên thông và điều kiện chuẩn bị"
                    : "Giai đoạn 2: tiếp đón bằng định danh, ký số và liên thông, dùng Sổ sức khỏe điện tử")
                .Append("</td><td>").Append(Encode(phase.Deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)))
                .Append("</td><td>").Append(Number(phase.Complete)).Append(" / ").Append(Number(phase.Facilities))
                .Append("</td><td><meter min=\"0\" max=\"1\" value=\"").Append(progress.Share.ToString("0.###", CultureInfo.InvariantCulture))
                .Append("\"></meter> ").Append(Percent(progress.Share))
                .Append("</td><td>").Append(Percent(phase.TargetShare))
                .Append("</td><td class=\"").Append(progress.TargetMet ? "ok" : progress.Overdue ? "bad" : "warn").Append("\">")
                .Append(Encode(verdict)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendCommunes(StringBuilder html, IReadOnlyList<ReadinessCounts>? communes, AdministrativeUnitNames names) =>
        AppendGroups(html, "Theo xã, phường, đặc khu (đơn vị hành chính hiện nay)", communes ?? [], c => c.CommuneCode,
            code => names.Commune(code) ?? (string.IsNullOrEmpty(code) ? "Chưa rõ xã" : string.Empty));

    private static void AppendDistricts(StringBuilder html, IReadOnlyList<ReadinessCounts> districts, AdministrativeUnitNames names) =>
        AppendGroups(html, "Theo huyện, thị xã, thành phố (trước ngày 01/07/2025)", districts, d => d.DistrictCode,
            code => names.District(code) ?? (string.IsNullOrEmpty(code) ? "Chưa rõ huyện" : string.Empty));

    private static void AppendGroups(StringBuilder html, string title, IReadOnlyList<ReadinessCounts> groups, Func<ReadinessCounts, string?> codeOf,
        Func<string?, string> nameOf)
    {
        html.Append("<section>\n<h2>").Append(Encode(title)).Append("</h2>\n<table>\n<thead><tr><th>Mã</th><th>Tên đơn vị</th><th>Tổng số</th>");
        foreach (var state in MonitoringLabels.States)
        {
            html.Append("<th>").Append(Encode(MonitoringLabels.State(state))).Append("</th>");
        }

        html.Append("<th>Hoàn thành GĐ 1</th><th>Hoàn thành GĐ 2</th><th>Hồ sơ nhận</th><th>Hồ sơ tồn</th></tr></thead>\n<tbody>\n");
        foreach (var group in groups.OrderBy(g => string.IsNullOrEmpty(codeOf(g)) ? 1 : 0).ThenBy(codeOf, StringComparer.Ordinal))
        {
            html.Append("<tr><td>").Append(Encode(codeOf(group))).Append("</td><td>")
                .Append(Encode(nameOf(codeOf(group))))
                .Append("</td><td>").Append(Number(group.Facilities)).Append("</td>");
            foreach (var state in MonitoringLabels.States)
            {
                html.Append("<td>").Append(Number(group.ByState.GetValueOrDefault(state))).Append("</td>");
            }

            html.Append("<td>").Append(Number(group.Phase1Complete)).Append("</td><td>").Append(Number(group.Phase2Complete))
                .Append("</td><td>").Append(Number(group.Flow.Received)).Append("</td><td>").Append(Number(group.Flow.Backlog))
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendConditions(StringBuilder html, ReadinessCounts total)
    {
        html.Append("<section>\n<h2>Theo điều kiện</h2>\n<table>\n<thead><tr><th>Giai đoạn</th><th>Điều kiện</th><th>Số cơ sở đạt</th>")
            .Append("<th>Tỷ lệ</th></tr></thead>\n<tbody>\n");
        foreach (var condition in ReadinessConditions.All)
        {
            var met = total.ByConditionMet.GetValueOrDefault(condition);
            html.Append("<tr><td>").Append(ReadinessConditions.Phase1.Contains(condition) ? 1 : 2).Append("</td><td>")
                .Append(Encode(MonitoringLabels.Condition(condition))).Append("</td><td>").Append(Number(met)).Append(" / ")
                .Append(Number(total.Facilities)).Append("</td><td>").Append(Percent(total.Facilities == 0 ? 0 : (double)met / total.Facilities))
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendAlerts(StringBuilder html, DashboardData data, AdministrativeUnitNames names)
    {
        html.Append("<section>\n<h2>Cảnh báo (").Append(Number(data.Alerts.Count)).Append(")</h2>\n");
        if (data.Alerts.Count == 0)
        {
            html.Append("<p>Không có cảnh báo.</p>\n</section>\n");
            return;
        }

        var facilityNames = data.Facilities.ToDictionary(f => f.FacilityCode, f => f.Name, StringComparer.Ordinal);
        html.Append("<table>\n<thead><tr><th>Loại cảnh báo</th><th>Mã CSKCB</th><th>Tên cơ sở</th><th>Huyện</th><th>Từ lúc</th>")
            .Append("<th>Chi tiết</th></tr></thead>\n<tbody>\n");
        foreach (var alert in data.Alerts.OrderBy(a => a.Kind).ThenBy(a => a.FacilityCode, StringComparer.Ordinal))
        {
            html.Append("<tr><td class=\"warn\">").Append(Encode(MonitoringLabels.Alert(alert.Kind))).Append("</td><td>")
                .Append(Encode(alert.FacilityCode)).Append("</td><td>").Append(Encode(facilityNames.GetValueOrDefault(alert.FacilityCode)))
                .Append("</td><td>").Append(Encode(names.District(alert.DistrictCode) ?? alert.DistrictCode)).Append("</td><td>")
                .Append(Encode(Local(alert.Since))).Append("</td><td>").Append(Encode(alert.Message)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendFlows(StringBuilder html, DashboardData data, AdministrativeUnitNames names)
    {
        html.Append("<section>\n<h2>Luồng dữ liệu theo cơ sở</h2>\n<table>\n<thead><tr><th>Mã CSKCB</th><th>Tên cơ sở</th><th>Huyện</th>")
            .Append("<th>Trạng thái</th><th>Hồ sơ nhận</th><th>Hub từ chối</th><th>Đã tiếp nhận</th><th>Đã gửi cổng</th>")
            .Append("<th>Cổng xác nhận</th><th>Cổng từ chối</th><th>Tồn</th><th>Độ trễ TB (giây)</th><th>Độ trễ tối đa (giây)</th>")
            .Append("<th>Hoạt động gần nhất</th></tr></thead>\n<tbody>\n");
        foreach (var facility in data.Facilities)
        {
            var flow = data.Flows.GetValueOrDefault(facility.FacilityCode) ?? FacilityFlow.Empty(facility.FacilityCode);
            html.Append("<tr><td>").Append(Encode(facility.FacilityCode)).Append("</td><td>").Append(Encode(facility.Name))
                .Append("</td><td>").Append(Encode(names.District(facility.DistrictCode) ?? facility.DistrictCode)).Append("</td><td class=\"s")
                .Append((int)facility.State).Append("\">").Append(Encode(MonitoringLabels.State(facility.State)))
                .Append("</td><td>").Append(Number(flow.Received)).Append("</td><td>").Append(Number(flow.RefusedByHub))
                .Append("</td><td>").Append(Number(flow.Accepted)).Append("</td><td>").Append(Number(flow.Forwarded))
                .Append("</td><td>").Append(Number(flow.Acknowledged)).Append("</td><td>").Append(Number(flow.RejectedByGateway))
                .Append("</td><td>").Append(Number(flow.Backlog)).Append("</td><td>").Append(Seconds(flow.AverageLagMilliseconds))
                .Append("</td><td>").Append(Seconds(flow.MaxLagMilliseconds)).Append("</td><td>")
                .Append(Encode(flow.LastActivity is { } last ? Local(last) : "Chưa có")).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendReports(StringBuilder html, string linkBase, string province, DateTimeOffset now)
    {
        var local = now.ToOffset(MonitoringMessages.LocalOffset);
        var half = local.Month <= 6 ? 1 : 2;
        var (previousYear, previousHalf) = half == 1 ? (local.Year - 1, 2) : (local.Year, 1);
        html.Append("<section>\n<h2>Báo cáo 6 tháng (QĐ 2733, Phụ lục 01, Điều 8)</h2>\n<ul>\n");
        ReportLink(html, linkBase, province, local.Year, half, "kỳ hiện tại");
        ReportLink(html, linkBase, province, previousYear, previousHalf, "kỳ trước");
        html.Append("</ul>\n</section>\n");
    }

    private static void ReportLink(StringBuilder html, string linkBase, string province, int year, int half, string label)
    {
        var href = string.Create(CultureInfo.InvariantCulture, $"{linkBase}?nam={year}&ky={half}&tinh={province}");
        html.Append("<li><a href=\"").Append(Encode(href)).Append("\">")
            .Append(Encode(string.Create(CultureInfo.InvariantCulture, $"Tải báo cáo 6 tháng {(half == 1 ? "đầu" : "cuối")} năm {year} (CSV, {label})")))
            .Append("</a></li>\n");
    }

    /// <summary>A local (UTC+7) time as officials write it.</summary>
    public static string Local(DateTimeOffset at) =>
        at.ToOffset(MonitoringMessages.LocalOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    private static string Percent(double share) =>
        (share * 100).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',') + "%";

    private static string Seconds(double milliseconds) =>
        (milliseconds / 1000).ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');

    private const string Style =
        "body{font-family:system-ui,'Segoe UI',Arial,sans-serif;margin:1.5rem;color:#1b1b1b}"
        + "h1{font-size:1.5rem;margin:0}h2{font-size:1.15rem;margin-top:1.8rem}.sub{color:#555}"
        + "table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}"
        + "th{background:#eef3f8}tbody tr:nth-child(even){background:#fafafa}"
        + ".cards{display:flex;flex-wrap:wrap;gap:.8rem}.card{border:1px solid #ccc;border-radius:6px;padding:.6rem 1rem;min-width:8rem}"
        + ".card .n{display:block;font-size:1.6rem;font-weight:600}"
        + ".ok{color:#1a7f37}.warn{color:#9a6700}.bad{color:#cf222e}.s4{color:#1a7f37}.s5{color:#cf222e}";
}
