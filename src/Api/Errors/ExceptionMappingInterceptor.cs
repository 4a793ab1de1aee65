using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace SoSucKhoe.Api.Errors;

/// <summary>
/// Turns faults that are not part of the contract into its status codes: a storage or cluster fault becomes UNAVAILABLE with a
/// retry delay (nothing was accepted, the HIS retries), anything else INTERNAL, both without internal details.
/// </summary>
public sealed partial class ExceptionMappingInterceptor(ILogger<ExceptionMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            LogTransient(logger, exception, context.Method);
            throw ApiErrors.Unavailable("The hub could not make the data durable right now; nothing was accepted. Retry shortly.",
                TimeSpan.FromSeconds(5));
        }
        catch (Exception exception)
        {
            LogUnexpected(logger, exception, context.Method);
            throw new RpcException(new Status(StatusCode.Internal, "An unexpected fault occurred; nothing was accepted."));
        }
    }

    private static bool IsTransient(Exception exception) =>
        exception is TimeoutException or OrleansException or System.Data.Common.DbException or IOException
        || exception.InnerException is { } inner && IsTransient(inner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed transiently")]
    private static partial void LogTransient(ILogger logger, Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method);
}
