using Grpc.Core;
using Grpc.Core.Interceptors;

namespace SoSucKhoe.Api.Security;

/// <summary>
/// Every call passes here first: find the method's rule (none: denied), authenticate the key, apply the caller's rate limit, then
/// the role and scope checks of the rule. Services read the resulting <see cref="CallerPrincipal"/> from the call context. Every
/// refusal here is reported to <see cref="AccessRefusals"/>.
/// </summary>
public sealed class AccessInterceptor(
    AccessPolicy policy,
    Authenticator authenticator,
    Authorizer authorizer,
    CallerRateLimiter limiter,
    AccessRefusals refusals) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await GateAsync(request, context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await GateAsync(request, context);
        await continuation(request, responseStream, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await GateAsync(null, context);
        return await continuation(requestStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await GateAsync(null, context);
        await continuation(requestStream, responseStream, context);
    }

    private async Task GateAsync(object? request, ServerCallContext context)
    {
        var rule = policy.Find(context.Method);
        if (rule is { IsPublic: true })
        {
            return;
        }

        CallerPrincipal caller;
        try
        {
            caller = await authenticator.AuthenticateAsync(context);
        }
        catch (AccessRefusedException refused)
        {
            Report(context, refused.Reason, refused.KeyId);
            throw;
        }

        if (rule is null)
        {
            Report(context, AccessRefusalReasons.NoAccessRule, caller.KeyId);
            throw new RpcException(new Status(StatusCode.PermissionDenied, "This RPC has no access rule and is refused."));
        }

        limiter.Acquire(caller);
        try
        {
            await authorizer.AuthorizeAsync(caller, rule, request);
        }
        catch (RpcException denied) when (denied.StatusCode == StatusCode.PermissionDenied)
        {
            Report(context, denied.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason ?? "permission_denied", caller.KeyId);
            throw;
        }

        caller.AttachTo(context);
    }

    private void Report(ServerCallContext context, string reason, string? keyId) =>
        refusals.Record(AccessRefusals.SourceOf(context.GetHttpContext().Connection), context.Method, reason, keyId);
}
