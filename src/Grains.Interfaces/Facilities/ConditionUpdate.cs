namespace SoSucKhoe.Facilities;

/// <summary>A declaration of a condition by the province (derived conditions are refused).</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.ConditionUpdate")]
public sealed record ConditionUpdate(
    [property: Id(0)] ReadinessCondition Condition,
    [property: Id(1)] ConditionState State,
    [property: Id(2)] string Evidence,
    [property: Id(3)] string RecordedBy,
    [property: Id(4)] double? Share);
