using Grpc.Core;

namespace SoSucKhoe.Api.Security;

/// <summary>
/// A call refused at the door (UNAUTHENTICATED or PERMISSION_DENIED), with why and, when the call named one, the public key id:
/// what <see cref="AccessRefusals"/> counts, logs and audits. The caller sees only the status.
/// </summary>
public sealed class AccessRefusedException : RpcException
{
    /// <param name="reason">One of <see cref="AccessRefusalReasons"/>.</param>
    /// <param name="keyId">The key id (never the secret) or "cert:&lt;thumbprint prefix&gt;"; null when the call named none.</param>
    /// <param name="status">What the caller is told.</param>
    public AccessRefusedException(string reason, string? keyId, Status status)
        : base(status)
    {
        Reason = reason;
        KeyId = keyId;
    }

    /// <summary>One of <see cref="AccessRefusalReasons"/>.</summary>
    public string Reason { get; }

    /// <summary>The public key id the call used, or null.</summary>
    public string? KeyId { get; }
}

/// <summary>Why a call was refused at the door: the <c>reason</c> tag of the counter and the words of the log and audit trail.</summary>
public static class AccessRefusalReasons
{
    /// <summary>Neither an API key nor a client certificate.</summary>
    public const string MissingCredentials = "missing_credentials";

    /// <summary>An authorization header that is not <c>Bearer ssk1.&lt;id&gt;.&lt;secret&gt;</c>.</summary>
    public const string MalformedKey = "malformed_key";

    /// <summary>A well-formed key whose id is not known, or whose secret does not match.</summary>
    public const string UnknownKey = "unknown_key";

    /// <summary>A key that was revoked.</summary>
    public const string RevokedKey = "revoked_key";

    /// <summary>A key past its end (e.g. the grace period of a rotation).</summary>
    public const string ExpiredKey = "expired_key";

    /// <summary>A client certificate that is not registered, revoked or outside its validity.</summary>
    public const string UnknownCertificate = "unknown_certificate";

    /// <summary>A call to an RPC that has no access rule.</summary>
    public const string NoAccessRule = "no_access_rule";

    /// <summary>The key's role may not call this RPC (<see cref="Authorizer.RoleNotAllowed"/>).</summary>
    public const string RoleNotAllowed = Authorizer.RoleNotAllowed;

    /// <summary>The key may not act for the facility or province the request names (<see cref="Authorizer.ScopeMismatch"/>).</summary>
    public const string ScopeMismatch = Authorizer.ScopeMismatch;
}
