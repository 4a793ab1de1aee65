using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using SoSucKhoe.Dossiers;
using Status = Google.Rpc.Status;

namespace SoSucKhoe.Api.Errors;

/// <summary>
/// Builds the gRPC errors of the contract. Field violations travel as a <c>google.rpc.BadRequest</c> detail whose field is
/// "&lt;table&gt;.&lt;field&gt;" and whose description is "&lt;rule&gt;: &lt;message&gt;": the same wording the hub logs.
/// </summary>
public static class ApiErrors
{
    /// <summary>The most violations one answer carries; a longer list ends with a too_many_violations entry.</summary>
    public const int MaxReportedViolations = 500;

    /// <summary>The most bytes of field violations one answer carries (before base64 in the trailer).</summary>
    public const int MaxDetailBytes = 4 * 1024;

    public static RpcException InvalidArgument(string summary, IReadOnlyCollection<Violation> violations)
    {
        var badRequest = new BadRequest();
        // The details travel in a trailer: keep them under what every client accepts (gRPC Java reads 8 KiB of metadata by default).
        var size = 0;
        var listed = 0;
        foreach (var violation in violations.Take(MaxReportedViolations))
        {
            var entry = new BadRequest.Types.FieldViolation
            {
                Field = violation.Table + "." + violation.Field,
                Description = violation.Rule + ": " + violation.Message,
            };
            size += entry.CalculateSize() + 4;
            if (size > MaxDetailBytes)
            {
                break;
            }

            badRequest.FieldViolations.Add(entry);
            listed++;
        }

        if (violations.Count > listed)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = "REQUEST.document",
                Description = $"{ViolationRules.TooManyViolations}: {violations.Count - listed} more violations were not listed.",
            });
        }

        var message = $"{summary} ({violations.Count} violation{(violations.Count == 1 ? string.Empty : "s")}; "
            + $"first: {Describe(violations.First())})";
        return Build(Code.InvalidArgument, message, badRequest);
    }

    public static RpcException InvalidArgument(string table, string field, string rule, string message) =>
        InvalidArgument(message, [new Violation(table, field, rule, message)]);

    public static RpcException FailedPrecondition(string message, string type, string subject, string description)
    {
        var failure = new PreconditionFailure();
        failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = type, Subject = subject, Description = description });
        return Build(Code.FailedPrecondition, message, failure);
    }

    public static RpcException NotFound(string message, string resourceType, string resourceName)
    {
        var info = new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName, Description = message };
        return Build(Code.NotFound, message, info);
    }

    public static RpcException Unavailable(string message, TimeSpan retryAfter)
    {
        var retry = new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) };
        return Build(Code.Unavailable, message, retry);
    }

    public static RpcException ResourceExhausted(string message, TimeSpan retryAfter)
    {
        var retry = new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) };
        return Build(Code.ResourceExhausted, message, retry);
    }

    public static string Describe(Violation violation) =>
        $"{violation.Table}.{violation.Field} {violation.Rule}: {violation.Message}";

    private static RpcException Build(Code code, string message, Google.Protobuf.IMessage detail)
    {
        var status = new Status { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(detail));
        return status.ToRpcException();
    }
}
