namespace SoSucKhoe.Forwarding;

/// <summary>
/// The dossiers of one facility (keyed by MA_CSKCB) that the gateway refused and that wait for an operator: corrected at the
/// facility, or replayed once the cause is fixed on the gateway's side.
/// </summary>
public interface IDeadLetterIndexGrain : IGrainWithStringKey
{
    Task Add(DeadLetter letter);

    Task Remove(string dossierId, int version);

    Task<IReadOnlyList<DeadLetter>> List();
}

/// <summary>A dossier version the gateway refused.</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.DeadLetter")]
public sealed record DeadLetter(
    [property: Id(0)] string DossierId,
    [property: Id(1)] int Version,
    [property: Id(2)] string PersonKey,
    [property: Id(3)] string? ResultCode,
    [property: Id(4)] string? Message,
    [property: Id(5)] DateTimeOffset RejectedAt);
