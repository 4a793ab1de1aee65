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

    public static RpcException InvalidArgument(string summary, IReadOnlyCollection<Violation> violations)
    {
        var badRequest = new BadRequest();
        foreach (var violation in violations.Take(MaxReportedViolations))
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = violation.Table + "." + violation.Field,
                Description = violation.Rule + ": " + violation.Message,
            });
        }

        if (violations.Count > MaxReportedViolations)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = "REQUEST.document",
                Description = $"{ViolationRules.TooManyViolations}: {violations.Count - MaxReportedViolations} more violations were not listed.",
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

    public static string Describe(Violation violation) =>
        $"{violation.Table}.{violation.Field} {violation.Rule}: {violation.Message}";

    private static RpcException Build(Code code, string message, Google.Protobuf.IMessage detail)
    {
        var status = new Status { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(detail));
        return status.ToRpcException();
    }
}
