using Google.Protobuf.WellKnownTypes;
using SoSucKhoe.Facilities;
using SoSucKhoe.Monitoring;

namespace SoSucKhoe.Api.Monitoring;

/// <summary>Maps the province aggregate's records to the messages of monitoring.proto.</summary>
public static class MonitoringMessages
{
    /// <summary>The hub's local time zone (Vietnam, no daylight saving): deadlines are local calendar days.</summary>
    public static readonly TimeSpan LocalOffset = TimeSpan.FromHours(7);

    public static V1.ReadinessState ToProto(ReadinessState state) => (V1.ReadinessState)(int)state;

    public static ReadinessState FromProto(V1.ReadinessState state) => (ReadinessState)(int)state;

    public static V1.ReadinessCondition ToProto(ReadinessCondition condition) => (V1.ReadinessCondition)(int)condition;

    public static ReadinessCondition FromProto(V1.ReadinessCondition condition) => (ReadinessCondition)(int)condition;

    public static V1.CareType ToProto(CareType careType) => (V1.CareType)(int)careType;

    public static V1.ReadinessAlertKind ToProto(AlertKind kind) => (V1.ReadinessAlertKind)(int)kind;

    public static AlertKind FromProto(V1.ReadinessAlertKind kind) => (AlertKind)(int)kind;

    public static V1.ProvinceReadiness ToProto(ProvinceReadiness readiness, AdministrativeUnitNames names, DateTimeOffset now)
    {
        var message = new V1.ProvinceReadiness
        {
            ProvinceCode = readiness.ProvinceCode,
            ProvinceName = names.Province(readiness.ProvinceCode) ?? string.Empty,
            Total = ToProto(readiness.Total with { DistrictCode = null }, names),
            Sequence = readiness.Sequence,
            AsOf = Timestamp.FromDateTimeOffset(readiness.AsOf),
        };
        message.Districts.AddRange(readiness.Districts
            .OrderBy(d => string.IsNullOrEmpty(d.DistrictCode) ? 1 : 0)
            .ThenBy(d => d.DistrictCode, StringComparer.Ordinal)
            .Select(d => ToProto(d, names)));
        message.Communes.AddRange((readiness.Communes ?? []).Select(c => ToProto(c, names)));
        message.Phases.AddRange(readiness.Phases.OrderBy(p => p.Phase).Select(p => ToProto(p, now)));
        return message;
    }

    public static V1.ReadinessCounts ToProto(ReadinessCounts counts, AdministrativeUnitNames names)
    {
        var message = new V1.ReadinessCounts
        {
            DistrictCode = counts.DistrictCode ?? string.Empty,
            DistrictName = names.District(counts.DistrictCode) ?? string.Empty,
            CommuneCode = counts.CommuneCode ?? string.Empty,
            CommuneName = names.Commune(counts.CommuneCode) ?? string.Empty,
            Facilities = counts.Facilities,
            Phase1Complete = counts.Phase1Complete,
            Phase2Complete = counts.Phase2Complete,
            Flow = ToProto(counts.Flow),
        };
        message.ByState.AddRange(MonitoringLabels.States.Select(s => new V1.ReadinessStateCount
        {
            State = ToProto(s),
            Facilities = counts.ByState.GetValueOrDefault(s),
        }));
        message.ByConditionMet.AddRange(ReadinessConditions.All.Select(c => new V1.ReadinessConditionCount
        {
            Condition = ToProto(c),
            Phase = ReadinessConditions.Phase1.Contains(c) ? 1 : 2,
            Facilities = counts.ByConditionMet.GetValueOrDefault(c),
        }));
        return message;
    }

    public static V1.PhaseProgress ToProto(PhaseProgress phase, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(LocalOffset).DateTime);
        var daysLeft = phase.Deadline.DayNumber - today.DayNumber;
        return new V1.PhaseProgress
        {
            Phase = phase.Phase,
            Deadline = phase.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            TargetShare = phase.TargetShare,
            Complete = phase.Complete,
            Facilities = phase.Facilities,
            Share = phase.Facilities == 0 ? 0 : (double)phase.Complete / phase.Facilities,
            TargetMet = phase.TargetMet,
            Overdue = daysLeft < 0 && !phase.TargetMet,
            DaysLeft = daysLeft,
        };
    }

    public static V1.FlowTotals ToProto(FlowTotals? flow) => flow is null ? new V1.FlowTotals() : new V1.FlowTotals
    {
        Received = flow.Received,
        RefusedByHub = flow.RefusedByHub,
        Accepted = flow.Accepted,
        Forwarded = flow.Forwarded,
        Acknowledged = flow.Acknowledged,
        RejectedByGateway = flow.RejectedByGateway,
        Backlog = flow.Backlog,
    };

    public static V1.FacilityFlow ToProto(FacilityFlow flow)
    {
        var message = new V1.FacilityFlow
        {
            FacilityCode = flow.FacilityCode,
            Received = flow.Received,
            RefusedByHub = flow.RefusedByHub,
            Accepted = flow.Accepted,
            Forwarded = flow.Forwarded,
            Acknowledged = flow.Acknowledged,
            RejectedByGateway = flow.RejectedByGateway,
            Backlog = flow.Backlog,
            AverageLagMs = flow.AverageLagMilliseconds,
            MaxLagMs = flow.MaxLagMilliseconds,
            RecentReceived = flow.RecentReceived,
            RecentRefused = flow.RecentRefused,
        };
        if (flow.LastActivity is { } last)
        {
            message.LastActivity = Timestamp.FromDateTimeOffset(last);
        }

        return message;
    }

    /// <summary>The sum of some facilities' flows.</summary>
    /// <summary>The flow of a facility the province holds that has sent nothing yet.</summary>
    public static FacilityFlow NoFlow(string facilityCode) => FacilityFlow.Empty(facilityCode);

    public static V1.FlowTotals Sum(IEnumerable<FacilityFlow> flows)
    {
        var total = new V1.FlowTotals();
        foreach (var flow in flows)
        {
            total.Received += flow.Received;
            total.RefusedByHub += flow.RefusedByHub;
            total.Accepted += flow.Accepted;
            total.Forwarded += flow.Forwarded;
            total.Acknowledged += flow.Acknowledged;
            total.RejectedByGateway += flow.RejectedByGateway;
            total.Backlog += flow.Backlog;
        }

        return total;
    }

    public static V1.ProvinceFacility ToProto(FacilitySnapshot facility, FacilityFlow? flow, AdministrativeUnitNames names)
    {
        var message = new V1.ProvinceFacility
        {
            FacilityCode = facility.FacilityCode,
            Name = facility.Name,
            DistrictCode = facility.DistrictCode ?? string.Empty,
            DistrictName = names.District(facility.DistrictCode) ?? string.Empty,
            CommuneCode = facility.CommuneCode ?? string.Empty,
            CommuneName = names.Commune(facility.CommuneCode) ?? string.Empty,
            State = ToProto(facility.State),
            Phase1Complete = facility.Phase1Complete,
            Phase2Complete = facility.Phase2Complete,
            InsuredCareContract = facility.InsuredCareContract,
            UpdatedAt = Timestamp.FromDateTimeOffset(facility.UpdatedAt),
            Flow = ToProto(flow ?? FacilityFlow.Empty(facility.FacilityCode)),
        };
        message.MetConditions.AddRange(ReadinessConditions.All.Where(facility.Met.Contains).Select(ToProto));
        message.MissingPhase1.AddRange(MissingPhase1(facility).Select(ToProto));
        if (facility.EarliestCertificateExpiry is { } expiry)
        {
            message.EarliestCertificateExpiry = Timestamp.FromDateTimeOffset(expiry);
        }

        return message;
    }

    /// <summary>The phase 1 conditions a facility does not meet, in display order.</summary>
    public static IEnumerable<ReadinessCondition> MissingPhase1(FacilitySnapshot facility) =>
        ReadinessConditions.Phase1.Where(c => !facility.Met.Contains(c));

    public static V1.ProvinceReadinessChange ToProto(ReadinessChange change)
    {
        var message = new V1.ProvinceReadinessChange
        {
            Sequence = change.Sequence,
            At = Timestamp.FromDateTimeOffset(change.At),
            FacilityCode = change.FacilityCode,
            DistrictCode = change.DistrictCode ?? string.Empty,
            FromState = ToProto(change.From),
            ToState = ToProto(change.To),
            Reason = change.Reason,
        };
        message.MetConditions.AddRange(ReadinessConditions.All.Where(change.Met.Contains).Select(ToProto));
        return message;
    }

    public static V1.ReadinessAlert ToProto(ReadinessAlert alert) => new()
    {
        Kind = ToProto(alert.Kind),
        FacilityCode = alert.FacilityCode,
        DistrictCode = alert.DistrictCode ?? string.Empty,
        Message = alert.Message,
        Since = Timestamp.FromDateTimeOffset(alert.Since),
    };

    public static V1.SemiannualReport ToProto(SemiannualReport report, AdministrativeUnitNames names)
    {
        ArgumentNullException.ThrowIfNull(report);
        var message = new V1.SemiannualReport
        {
            ProvinceCode = report.ProvinceCode,
            Period = report.Period,
            Csv = Google.Protobuf.ByteString.CopyFrom(SemiannualCsv.Write(report, names)),
            GeneratedAt = Timestamp.FromDateTimeOffset(report.GeneratedAt),
        };
        message.Lines.AddRange(SemiannualCsv.Ordered(report.Lines).Select(l => ToProto(l, names)));
        message.Communes.AddRange((report.Communes ?? []).Select(l => ToProto(l, names)));
        message.FormerDistricts.AddRange((report.Districts ?? []).Select(l => ToProto(l, names)));
        return message;
    }

    private static V1.SemiannualReportLine ToProto(SemiannualLine line, AdministrativeUnitNames names) => new()
    {
        FacilityCode = line.FacilityCode ?? string.Empty,
        FacilityName = line.FacilityName ?? string.Empty,
        CareType = ToProto(line.CareType),
        Insured = line.Insured,
        Visits = line.Visits,
        Interconnected = line.Interconnected,
        CommuneCode = line.CommuneCode ?? string.Empty,
        CommuneName = names.Commune(line.CommuneCode) ?? string.Empty,
        DistrictCode = line.DistrictCode ?? string.Empty,
        DistrictName = names.District(line.DistrictCode) ?? string.Empty,
    };
}
