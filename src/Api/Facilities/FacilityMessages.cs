using System.Security.Cryptography.X509Certificates;
using SoSucKhoe.Facilities;
using static Google.Protobuf.WellKnownTypes.Timestamp;

namespace SoSucKhoe.Api.Facilities;

/// <summary>
/// Converts the registry's records to their proto messages. The proto enums carry the same numbers as the domain enums, so a
/// value converts by number; names in proto form ("HIS_CONFIGURED") come from <see cref="ConditionName"/>.
/// </summary>
public static class FacilityMessages
{
    /// <summary>The facility as the API shows it (certificates and history are added by GetFacility).</summary>
    public static V1.Facility ToMessage(FacilityView view, DateOnly today)
    {
        var inForce = FacilityLocation.InForce(view.Profile.Locations, today);
        var message = new V1.Facility
        {
            FacilityCode = view.FacilityCode,
            Name = view.Name,
            ProvinceCode = view.ProvinceCode,
            DistrictCode = view.DistrictCode ?? string.Empty,
            CommuneCode = inForce?.CommuneCode ?? string.Empty,
            HasGatewayAccount = view.HasGatewayAccount,
            RegisteredAt = FromDateTimeOffset(view.RegisteredAt),
            UpdatedAt = FromDateTimeOffset(view.UpdatedAt),
            Level = (V1.FacilityLevel)(int)view.Profile.Level,
            Ownership = (V1.FacilityOwnership)(int)view.Profile.Ownership,
            InsuredCareContract = view.Profile.InsuredCareContract,
            State = ToMessage(view.State),
            ConnectionCode = view.ConnectionCode is { } code
                ? new V1.ConnectionCode { Code = code.Code, IssuedAt = FromDateTimeOffset(code.IssuedAt), IssuedBy = code.IssuedBy }
                : null,
            GatewayAccount = view.GatewayAccount is { } account
                ? new V1.GatewayAccount
                {
                    Username = account.Username,
                    EgressAddress = account.EgressAddress ?? string.Empty,
                    UpdatedAt = FromDateTimeOffset(account.UpdatedAt),
                }
                : null,
            Suspension = view.Suspension is { } suspension
                ? new V1.FacilitySuspension { At = FromDateTimeOffset(suspension.At), Reason = suspension.Reason, By = suspension.By }
                : null,
            Conformance = new V1.ConformanceProgress
            {
                CleanCount = view.Conformance.CleanCount,
                Required = view.Conformance.Required,
                HisConfigured = view.Conformance.HisConfigured,
            },
            FirstAcknowledgedAt = view.FirstAcknowledgedAt is { } first ? FromDateTimeOffset(first) : null,
            EarliestCertificateExpiry = view.EarliestCertificateExpiry is { } expiry ? FromDateTimeOffset(expiry) : null,
            Phase2Complete = view.Phase2Complete,
            Revision = view.Revision,
        };
        message.Locations.AddRange(view.Profile.Locations.Select(l => new V1.FacilityLocation
        {
            EffectiveFrom = RegistryText.Format(l.EffectiveFrom),
            ProvinceCode = l.ProvinceCode,
            DistrictCode = l.DistrictCode ?? string.Empty,
            CommuneCode = l.CommuneCode ?? string.Empty,
        }));
        message.CareTypes.AddRange(view.Profile.CareTypes.Select(c => (V1.CareType)(int)c));
        message.Conditions.AddRange(view.Conditions.Select(ToMessage));
        message.MissingPhase1.AddRange(view.MissingPhase1.Select(c => (V1.ReadinessCondition)(int)c));
        return message;
    }

    public static V1.FacilityCondition ToMessage(ConditionStatus condition)
    {
        var message = new V1.FacilityCondition
        {
            Condition = (V1.ReadinessCondition)(int)condition.Condition,
            State = (V1.ConditionState)(int)condition.State,
            Evidence = condition.Evidence ?? string.Empty,
            RecordedBy = condition.RecordedBy ?? string.Empty,
            RecordedAt = condition.RecordedAt is { } at ? FromDateTimeOffset(at) : null,
            Derived = condition.Derived,
        };
        if (condition.Share is { } share)
        {
            message.Share = share;
        }

        return message;
    }

    public static V1.ReadinessTransition ToMessage(ReadinessTransition transition) => new()
    {
        At = FromDateTimeOffset(transition.At),
        From = ToMessage(transition.From),
        To = ToMessage(transition.To),
        Reason = transition.Reason,
    };

    public static V1.ReadinessState ToMessage(ReadinessState state) => (V1.ReadinessState)(int)state;

    public static V1.SigningCertificate ToMessage(SigningCertificate certificate) => new()
    {
        ThumbprintSha256 = certificate.Thumbprint,
        Subject = certificate.Subject,
        NotBefore = FromDateTimeOffset(certificate.NotBefore),
        NotAfter = FromDateTimeOffset(certificate.NotAfter),
        AddedAt = FromDateTimeOffset(certificate.AddedAt),
        RevokedAt = certificate.RevokedAt is { } revoked ? FromDateTimeOffset(revoked) : null,
    };

    public static ReadinessCondition FromMessage(V1.ReadinessCondition condition) => (ReadinessCondition)(int)condition;

    public static ConditionState FromMessage(V1.ConditionState state) => (ConditionState)(int)state;

    public static FacilityLevel FromMessage(V1.FacilityLevel level) => (FacilityLevel)(int)level;

    public static FacilityOwnership FromMessage(V1.FacilityOwnership ownership) => (FacilityOwnership)(int)ownership;

    public static CareType FromMessage(V1.CareType careType) => (CareType)(int)careType;

    /// <summary>The location a ScheduleLocation request names, in force from <paramref name="from"/>.</summary>
    public static FacilityLocation FromMessage(V1.ScheduleLocationRequest request, DateOnly from) => new(from, request.ProvinceCode,
        RegistryText.NullIfEmpty(request.DistrictCode), RegistryText.NullIfEmpty(request.CommuneCode));

    /// <summary>The public facts the hub keeps of a signing certificate a request registers.</summary>
    public static SigningCertificate FromCertificate(X509Certificate2 certificate, string thumbprint, DateTimeOffset addedAt) => new(
        thumbprint, certificate.Subject, new DateTimeOffset(certificate.NotBefore.ToUniversalTime()),
        new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), addedAt, null);

    /// <summary>The condition's name in proto form without the enum prefix, e.g. "HIS_CONFIGURED".</summary>
    public static string ConditionName(ReadinessCondition condition)
    {
        var descriptor = V1.FacilitiesReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.EnumDescriptor>("ReadinessCondition");
        var name = descriptor.FindValueByNumber((int)condition)?.Name ?? condition.ToString().ToUpperInvariant();
        const string prefix = "READINESS_CONDITION_";
        return name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
    }

    /// <summary>What a condition means, in English, for refusals.</summary>
    public static string Describe(ReadinessCondition condition) => condition switch
    {
        ReadinessCondition.ConnectionCode => "The province has not issued the facility's interconnection code.",
        ReadinessCondition.PlanApproved => "The implementation plan is not approved, or staff are not assigned.",
        ReadinessCondition.HisConfigured => "The HIS has not yet proven the 130/4750 tables with enough clean conformance dossiers.",
        ReadinessCondition.SigningCertificate => "No registered signing certificate is valid now.",
        ReadinessCondition.InternalRegulation => "The internal regulation and procedure are not approved by the facility head.",
        ReadinessCondition.StaffTrained => "Not enough staff are trained.",
        ReadinessCondition.NetworkSecurity => "Network security and confidentiality measures are not confirmed.",
        ReadinessCondition.ReceivesByIdentity => "The facility does not yet receive patients by chip ID card, personal ID or insurance card.",
        ReadinessCondition.SignsAndInterconnects => "The gateway has not yet acknowledged a dossier of the facility.",
        ReadinessCondition.AcceptsVneidBook => "The facility does not yet accept the VNeID e-health book at the desk.",
        _ => "Unknown condition.",
    };
}
