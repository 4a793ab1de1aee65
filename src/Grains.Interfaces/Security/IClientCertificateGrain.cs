namespace SoSucKhoe.Security;

/// <summary>
/// A client certificate registered for a facility (mutual TLS), keyed by the certificate's SHA-256 thumbprint (upper-case hex).
/// A HIS presenting the certificate on the TLS connection is authenticated as that facility without an API key.
/// </summary>
public interface IClientCertificateGrain : IGrainWithStringKey
{
    /// <summary>Binds the certificate to a facility; false when it is already bound (to any facility).</summary>
    Task<bool> Bind(ClientCertificateBinding binding);

    /// <summary>The binding, or null.</summary>
    Task<ClientCertificateBinding?> Get();

    /// <summary>Revokes the binding now (idempotent); returns it after the change, or null when unknown.</summary>
    Task<ClientCertificateBinding?> Revoke(DateTimeOffset at);
}

/// <summary>What the hub keeps of a registered client certificate: never a private key.</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.ClientCertificateBinding")]
public sealed record ClientCertificateBinding(
    [property: Id(0)] string Thumbprint,
    [property: Id(1)] string FacilityCode,
    [property: Id(2)] string Subject,
    [property: Id(3)] DateTimeOffset NotBefore,
    [property: Id(4)] DateTimeOffset NotAfter,
    [property: Id(5)] DateTimeOffset RegisteredAt,
    [property: Id(6)] DateTimeOffset? RevokedAt)
{
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && now >= NotBefore && now < NotAfter;
}
