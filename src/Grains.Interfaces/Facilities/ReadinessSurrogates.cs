namespace SoSucKhoe.Facilities;

// The readiness records belong to the domain, which has no Orleans: these surrogates carry them through grain calls and grain
// state, with the field ids the records had when they carried Orleans' attributes themselves.

[GenerateSerializer, Immutable]
internal readonly record struct ConditionStatusSurrogate(
    [property: Id(0)] ReadinessCondition Condition,
    [property: Id(1)] ConditionState State,
    [property: Id(2)] string? Evidence,
    [property: Id(3)] string? RecordedBy,
    [property: Id(4)] DateTimeOffset? RecordedAt,
    [property: Id(5)] double? Share,
    [property: Id(6)] bool Derived);

[RegisterConverter]
internal sealed class ConditionStatusConverter : IConverter<ConditionStatus, ConditionStatusSurrogate>
{
    public ConditionStatus ConvertFromSurrogate(in ConditionStatusSurrogate surrogate) => new(surrogate.Condition, surrogate.State,
        surrogate.Evidence, surrogate.RecordedBy, surrogate.RecordedAt, surrogate.Share, surrogate.Derived);

    public ConditionStatusSurrogate ConvertToSurrogate(in ConditionStatus value) =>
        new(value.Condition, value.State, value.Evidence, value.RecordedBy, value.RecordedAt, value.Share, value.Derived);
}

[GenerateSerializer, Immutable]
internal readonly record struct ReadinessTransitionSurrogate(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] ReadinessState From,
    [property: Id(2)] ReadinessState To,
    [property: Id(3)] string Reason);

[RegisterConverter]
internal sealed class ReadinessTransitionConverter : IConverter<ReadinessTransition, ReadinessTransitionSurrogate>
{
    public ReadinessTransition ConvertFromSurrogate(in ReadinessTransitionSurrogate surrogate) =>
        new(surrogate.At, surrogate.From, surrogate.To, surrogate.Reason);

    public ReadinessTransitionSurrogate ConvertToSurrogate(in ReadinessTransition value) => new(value.At, value.From, value.To, value.Reason);
}

[GenerateSerializer, Immutable]
internal readonly record struct ConnectionCodeSurrogate(
    [property: Id(0)] string Code,
    [property: Id(1)] DateTimeOffset IssuedAt,
    [property: Id(2)] string IssuedBy);

[RegisterConverter]
internal sealed class ConnectionCodeConverter : IConverter<ConnectionCodeRecord, ConnectionCodeSurrogate>
{
    public ConnectionCodeRecord ConvertFromSurrogate(in ConnectionCodeSurrogate surrogate) =>
        new(surrogate.Code, surrogate.IssuedAt, surrogate.IssuedBy);

    public ConnectionCodeSurrogate ConvertToSurrogate(in ConnectionCodeRecord value) => new(value.Code, value.IssuedAt, value.IssuedBy);
}

[GenerateSerializer, Immutable]
internal readonly record struct SuspensionSurrogate(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Reason,
    [property: Id(2)] string By);

[RegisterConverter]
internal sealed class SuspensionConverter : IConverter<Suspension, SuspensionSurrogate>
{
    public Suspension ConvertFromSurrogate(in SuspensionSurrogate surrogate) => new(surrogate.At, surrogate.Reason, surrogate.By);

    public SuspensionSurrogate ConvertToSurrogate(in Suspension value) => new(value.At, value.Reason, value.By);
}

[GenerateSerializer, Immutable]
internal readonly record struct ConformanceProgressSurrogate(
    [property: Id(0)] int CleanCount,
    [property: Id(1)] int Required,
    [property: Id(2)] bool HisConfigured);

[RegisterConverter]
internal sealed class ConformanceProgressConverter : IConverter<ConformanceProgress, ConformanceProgressSurrogate>
{
    public ConformanceProgress ConvertFromSurrogate(in ConformanceProgressSurrogate surrogate) =>
        new(surrogate.CleanCount, surrogate.Required, surrogate.HisConfigured);

    public ConformanceProgressSurrogate ConvertToSurrogate(in ConformanceProgress value) =>
        new(value.CleanCount, value.Required, value.HisConfigured);
}

[GenerateSerializer, Immutable]
internal readonly record struct SigningCertificateSurrogate(
    [property: Id(0)] string Thumbprint,
    [property: Id(1)] string Subject,
    [property: Id(2)] DateTimeOffset NotBefore,
    [property: Id(3)] DateTimeOffset NotAfter,
    [property: Id(4)] DateTimeOffset AddedAt,
    [property: Id(5)] DateTimeOffset? RevokedAt);

[RegisterConverter]
internal sealed class SigningCertificateConverter : IConverter<SigningCertificate, SigningCertificateSurrogate>
{
    public SigningCertificate ConvertFromSurrogate(in SigningCertificateSurrogate surrogate) => new(surrogate.Thumbprint,
        surrogate.Subject, surrogate.NotBefore, surrogate.NotAfter, surrogate.AddedAt, surrogate.RevokedAt);

    public SigningCertificateSurrogate ConvertToSurrogate(in SigningCertificate value) =>
        new(value.Thumbprint, value.Subject, value.NotBefore, value.NotAfter, value.AddedAt, value.RevokedAt);
}

[GenerateSerializer, Immutable]
internal readonly record struct FacilityLocationSurrogate(
    [property: Id(0)] DateOnly EffectiveFrom,
    [property: Id(1)] string ProvinceCode,
    [property: Id(2)] string? DistrictCode,
    [property: Id(3)] string? CommuneCode);

[RegisterConverter]
internal sealed class FacilityLocationConverter : IConverter<FacilityLocation, FacilityLocationSurrogate>
{
    public FacilityLocation ConvertFromSurrogate(in FacilityLocationSurrogate surrogate) =>
        new(surrogate.EffectiveFrom, surrogate.ProvinceCode, surrogate.DistrictCode, surrogate.CommuneCode);

    public FacilityLocationSurrogate ConvertToSurrogate(in FacilityLocation value) =>
        new(value.EffectiveFrom, value.ProvinceCode, value.DistrictCode, value.CommuneCode);
}
