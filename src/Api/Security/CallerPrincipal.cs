using Grpc.Core;
using SoSucKhoe.Security;

namespace SoSucKhoe.Api.Security;

/// <summary>The authenticated caller of one request.</summary>
/// <param name="Role">Facility, province or admin.</param>
/// <param name="Scope">MA_CSKCB, province code or "hub".</param>
/// <param name="KeyId">The key id (or "cert:&lt;thumbprint&gt;" for a client certificate), for the audit trail.</param>
public sealed record CallerPrincipal(CallerRole Role, string Scope, string KeyId)
{
    private const string ItemKey = "sosuckhoe.caller";

    /// <summary>The principal the authorization interceptor attached to the call.</summary>
    public static CallerPrincipal From(ServerCallContext context) =>
        context.GetHttpContext().Items[ItemKey] as CallerPrincipal
        ?? throw new InvalidOperationException("The call was not authenticated: the authorization interceptor did not run.");

    internal void AttachTo(ServerCallContext context) => context.GetHttpContext().Items[ItemKey] = this;

    /// <summary>The role as written in the contract ("facility", "province", "admin").</summary>
    public string RoleName => Role.ToString().ToLowerInvariant();
}
