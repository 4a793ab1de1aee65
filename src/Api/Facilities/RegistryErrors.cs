using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using SoSucKhoe.Api.Errors;
using SoSucKhoe.Dossiers;
using Status = Google.Rpc.Status;

namespace SoSucKhoe.Api.Facilities;

/// <summary>
/// The INVALID_ARGUMENT of an import: a google.rpc.BadRequest whose fields name the row and column as given ("row 12: district_code"),
/// with descriptions "&lt;rule&gt;: &lt;message&gt;", kept under the same size limit as every other error detail.
/// </summary>
public static class RegistryErrors
{
    public static RpcException InvalidRows(string summary, IReadOnlyList<FieldProblem> problems)
    {
        var badRequest = new BadRequest();
        var size = 0;
        foreach (var problem in problems)
        {
            var entry = new BadRequest.Types.FieldViolation { Field = problem.Field, Description = problem.Rule + ": " + problem.Message };
            size += entry.CalculateSize() + 4;
            if (size > ApiErrors.MaxDetailBytes)
            {
                break;
            }

            badRequest.FieldViolations.Add(entry);
        }

        if (problems.Count > badRequest.FieldViolations.Count)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = "csv",
                Description = $"{ViolationRules.TooManyViolations}: {problems.Count - badRequest.FieldViolations.Count} more violations were not listed.",
            });
        }

        var first = problems[0];
        var status = new Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"{summary} ({problems.Count} violation{(problems.Count == 1 ? string.Empty : "s")}; first: {first.Field} {first.Rule}: {first.Message})",
        };
        status.Details.Add(Any.Pack(badRequest));
        return status.ToRpcException();
    }
}
