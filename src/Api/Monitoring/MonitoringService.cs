using System.Text;
using Grpc.Core;
using SoSucKhoe.Api.Errors;
using SoSucKhoe.Dossiers;
using SoSucKhoe.Dossiers.Identifiers;
using SoSucKhoe.Monitoring;
using static SoSucKhoe.Api.V1.Monitoring;

namespace SoSucKhoe.Api.Monitoring;

// The contract's names win where the domain repeats them; the slice's mapper converts between the two.
using SoSucKhoe.Api.V1;

/// <summary>
/// The province view (proto service sosuckhoe.v1.Monitoring): readiness counts, the facility list, the live change stream,
/// flow, alerts and the semiannual report, all read from the province's readiness aggregate. Province keys read their own
/// province, admin keys any (<see cref="MonitoringScope"/>).
/// </summary>
[BindServiceMethod(typeof(GuardedBinding<MonitoringBase>), nameof(GuardedBinding<MonitoringBase>.BindService))]
public sealed class MonitoringService(
    IGrainFactory grains,
    MonitoringScope scope,
    AdministrativeUnitNames names,
    ReadinessWatch watch,
    TimeProvider time) : MonitoringBase
{
    /// <summary>The largest page of ListFacilities.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The page size when none is given.</summary>
    public const int DefaultPageSize = 100;

    public override async Task<ProvinceReadiness> GetProvinceReadiness(GetProvinceReadinessRequest request, ServerCallContext context)
    {
        var province = await scope.ResolveAsync(context, request.ProvinceCode);
        var readiness = await Aggregate(province).GetReadiness();
        return MonitoringMessages.ToProto(readiness, names, time.GetUtcNow());
    }

    public override async Task<ListProvinceFacilitiesResponse> ListFacilities(ListProvinceFacilitiesRequest request, ServerCallContext context)
    {
        var violations = new List<Violation>();
        if (request.DistrictCode.Length > 0 && !MonitoringScope.IsDistrictCode(request.DistrictCode))
        {
            violations.Add(new Violation("REQUEST", "district_code", MonitoringRules.DistrictCodeFormat, "district_code must be 3 digits."));
        }

        if (request.CommuneCode.Length > 0 && (request.CommuneCode.Length != 5 || !request.CommuneCode.All(char.IsAsciiDigit)))
        {
            violations.Add(new Violation("REQUEST", "commune_code", MonitoringRules.CommuneCodeFormat, "commune_code must be 5 digits."));
        }

        if (!Enum.IsDefined(request.State))
        {
            violations.Add(new Violation("REQUEST", "state", ViolationRules.CodeList, "state is not a known readiness state."));
        }

        if (!Enum.IsDefined(request.MissingCondition))
        {
            violations.Add(new Violation("REQUEST", "missing_condition", ViolationRules.CodeList, "missing_condition is not a known condition."));
        }

        if (request.PageSize is < 0 or > MaxPageSize)
        {
            violations.Add(new Violation("REQUEST", "page_size", ViolationRules.NumberFormat, $"page_size must be between 1 and {MaxPageSize}."));
        }

        var filterKey = $"{request.DistrictCode}|{(int)request.State}|{(int)request.MissingCondition}"
            + (request.CommuneCode.Length > 0 ? "|" + request.CommuneCode : string.Empty);
        string? after = null;
        if (request.PageToken.Length > 0 && !PageTokens.TryRead(request.PageToken, filterKey, out after))
        {
            violations.Add(new Violation("REQUEST", "page_token", MonitoringRules.PageToken,
                "page_token must be the next_page_token of the previous page, with the same filters."));
        }

        var province = await scope.ResolveAsync(context, request.ProvinceCode, violations);
        var aggregate = Aggregate(province);
        var filter = new FacilityFilter(
            request.DistrictCode.Length > 0 ? request.DistrictCode : null,
            request.State == ReadinessState.Unspecified ? null : MonitoringMessages.FromProto(request.State),
            request.MissingCondition == ReadinessCondition.Unspecified ? null : MonitoringMessages.FromProto(request.MissingCondition),
            request.CommuneCode.Length > 0 ? request.CommuneCode : null);
        var matching = (await aggregate.ListFacilities(filter)).OrderBy(f => f.FacilityCode, StringComparer.Ordinal).ToList();
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var page = matching.Where(f => after is null || string.CompareOrdinal(f.FacilityCode, after) > 0).Take(size).ToList();
        var flows = (page.Count == 0 ? [] : await aggregate.GetFlows(null)).ToDictionary(f => f.FacilityCode, StringComparer.Ordinal);

        var response = new ListProvinceFacilitiesResponse { TotalMatching = matching.Count };
        response.Facilities.AddRange(page.Select(f => MonitoringMessages.ToProto(f, flows.GetValueOrDefault(f.FacilityCode), names)));
        if (page.Count == size && string.CompareOrdinal(matching[^1].FacilityCode, page[^1].FacilityCode) > 0)
        {
            response.NextPageToken = PageTokens.Write(page[^1].FacilityCode, filterKey);
        }

        return response;
    }

    public override async Task WatchReadiness(WatchReadinessRequest request, IServerStreamWriter<ProvinceReadinessChange> responseStream,
        ServerCallContext context)
    {
        var violations = new List<Violation>();
        if (request.SinceSequence < 0)
        {
            violations.Add(new Violation("REQUEST", "since_sequence", ViolationRules.NumberFormat, "since_sequence must be 0 or more."));
        }

        var province = await scope.ResolveAsync(context, request.ProvinceCode, violations);
        await watch.RunAsync(province, request.SinceSequence,
            change => responseStream.WriteAsync(MonitoringMessages.ToProto(change), context.CancellationToken), context.CancellationToken);
    }

    public override async Task<FlowStats> GetFlowStats(GetFlowStatsRequest request, ServerCallContext context)
    {
        var violations = new List<Violation>();
        string? facility = null;
        if (request.FacilityCode.Length > 0)
        {
            if (FacilityCode.TryParse(request.FacilityCode, out var parsed, out var reason))
            {
                facility = parsed.Value;
            }
            else
            {
                violations.Add(new Violation("REQUEST", "facility_code", ViolationRules.FacilityCodeStructure, reason!));
            }
        }

        var province = await scope.ResolveAsync(context, request.ProvinceCode, violations);
        var aggregate = Aggregate(province);
        var flows = await aggregate.GetFlows(facility);
        if (facility is not null && flows.Count == 0)
        {
            var held = await aggregate.ListFacilities(new FacilityFilter(null, null, null));
            if (!held.Any(f => f.FacilityCode == facility))
            {
                throw ApiErrors.NotFound($"Province {province} holds no facility {facility}.", "facility", facility);
            }

            flows = [MonitoringMessages.NoFlow(facility)];
        }

        var response = new FlowStats { ProvinceCode = province, Total = MonitoringMessages.Sum(flows) };
        response.Facilities.AddRange(flows.OrderBy(f => f.FacilityCode, StringComparer.Ordinal).Select(MonitoringMessages.ToProto));
        return response;
    }

    public override async Task<ListAlertsResponse> ListAlerts(ListAlertsRequest request, ServerCallContext context)
    {
        var violations = new List<Violation>();
        if (!Enum.IsDefined(request.Kind))
        {
            violations.Add(new Violation("REQUEST", "kind", ViolationRules.CodeList, "kind is not a known alert kind."));
        }

        var province = await scope.ResolveAsync(context, request.ProvinceCode, violations);
        var alerts = await Aggregate(province).GetAlerts();
        var kind = MonitoringMessages.FromProto(request.Kind);
        var response = new ListAlertsResponse();
        response.Alerts.AddRange(alerts
            .Where(a => kind == AlertKind.Unspecified || a.Kind == kind)
            .OrderBy(a => a.Kind)
            .ThenBy(a => a.FacilityCode, StringComparer.Ordinal)
            .Select(MonitoringMessages.ToProto));
        return response;
    }

    public override async Task<SemiannualReport> GetSemiannualReport(GetSemiannualReportRequest request, ServerCallContext context)
    {
        var violations = new List<Violation>();
        if (request.Year is < 2000 or > 2100)
        {
            violations.Add(new Violation("REQUEST", "year", ViolationRules.NumberFormat, "year must be between 2000 and 2100."));
        }

        if (request.Half is not (1 or 2))
        {
            violations.Add(new Violation("REQUEST", "half", ViolationRules.NumberFormat, "half must be 1 (January-June) or 2 (July-December)."));
        }

        var province = await scope.ResolveAsync(context, request.ProvinceCode, violations);
        var report = await Aggregate(province).GetSemiannualReport(Period(request.Year, request.Half));
        return MonitoringMessages.ToProto(report, names);
    }

    /// <summary>The report period of a half-year: "2025-H1".</summary>
    public static string Period(int year, int half) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{year}-H{half}");

    private IProvinceReadinessGrain Aggregate(string province) => grains.GetGrain<IProvinceReadinessGrain>(province);

    /// <summary>Opaque page tokens: the last facility code of a page, bound to the filters that produced it.</summary>
    private static class PageTokens
    {
        public static string Write(string lastCode, string filterKey) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"v1\n{filterKey}\n{lastCode}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static bool TryRead(string token, string filterKey, out string? lastCode)
        {
            lastCode = null;
            if (token.Length > 200)
            {
                return false;
            }

            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var bytes = new byte[base64.Length];
            if (!Convert.TryFromBase64String(base64, bytes, out var written))
            {
                return false;
            }

            var parts = Encoding.UTF8.GetString(bytes, 0, written).Split('\n');
            if (parts.Length != 3 || parts[0] != "v1" || parts[1] != filterKey || !FacilityCode.TryParse(parts[2], out _, out _))
            {
                return false;
            }

            lastCode = parts[2];
            return true;
        }
    }
}
