namespace SoSucKhoe.Security;

/// <summary>
/// A stored API key: never the key itself, only a salted slow hash of its secret part, with the principal it stands for.
/// </summary>
/// <param name="KeyId">The public identifier embedded in the key.</param>
/// <param name="Role">The role the key carries.</param>
/// <param name="Scope">MA_CSKCB for a facility key, the province code for a province key, "hub" for an admin key.</param>
/// <param name="Salt">Random salt of the hash.</param>
/// <param name="Hash">PBKDF2-SHA256 of the secret.</param>
/// <param name="Iterations">PBKDF2 iteration count used for <paramref name="Hash"/>.</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="NotAfter">When it stops working (set on rotation, for the grace period), or null.</param>
/// <param name="RevokedAt">When it was revoked, or null.</param>
/// <param name="Label">A free label ("HIS production", "grace after rotation").</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.CredentialRecord")]
public sealed record CredentialRecord(
    [property: Id(0)] string KeyId,
    [property: Id(1)] CallerRole Role,
    [property: Id(2)] string Scope,
    [property: Id(3)] byte[] Salt,
    [property: Id(4)] byte[] Hash,
    [property: Id(5)] int Iterations,
    [property: Id(6)] DateTimeOffset IssuedAt,
    [property: Id(7)] DateTimeOffset? NotAfter,
    [property: Id(8)] DateTimeOffset? RevokedAt,
    [property: Id(9)] string Label)
{
    /// <summary>True while the key may be used.</summary>
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (NotAfter is null || now < NotAfter);

    /// <summary>The principal key of the credential index: "facility:70001", "province:70", "admin:hub".</summary>
    public string Principal => PrincipalKey.Create(Role, Scope);
}

/// <summary>Keys of <see cref="ICredentialIndexGrain"/>.</summary>
public static class PrincipalKey
{
    public static string Create(CallerRole role, string scope) => role.ToString().ToLowerInvariant() + ":" + scope;
}
