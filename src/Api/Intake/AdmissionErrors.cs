using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using SoSucKhoe.Api.Errors;
using SoSucKhoe.Api.Facilities;
using SoSucKhoe.Facilities;
using Status = Google.Rpc.Status;

namespace SoSucKhoe.Api.Intake;

/// <summary>
/// The FAILED_PRECONDITION answers of the facility gate: not registered; not ready, with a google.rpc.PreconditionFailure listing
/// every missing condition (type "readiness", subject = the condition in proto form, e.g. "HIS_CONFIGURED"); or suspended (type
/// "suspended", subject = the facility, description = the reason). They name only the facility's own conditions.
/// </summary>
public static class AdmissionErrors
{
    /// <summary>Precondition type of a missing readiness condition.</summary>
    public const string Readiness = "readiness";

    /// <summary>Precondition type of a suspension.</summary>
    public const string Suspended = "suspended";

    /// <summary>Precondition type of an unregistered facility.</summary>
    public const string NotRegistered = "facility_not_registered";

    public static RpcException NotRegisteredError(string facilityCode) =>
        ApiErrors.FailedPrecondition($"Facility {facilityCode} is not registered with the hub.", NotRegistered, facilityCode,
            "Register the facility (Facilities.RegisterFacility) before it sends data.");

    /// <summary>The refusal of an admission that was not allowed.</summary>
    public static RpcException Refused(string facilityCode, FacilityAdmission admission)
    {
        var failure = new PreconditionFailure();
        string message;
        if (admission.View?.State == ReadinessState.Suspended || admission.Missing.Count == 0)
        {
            var reason = admission.Reason ?? admission.View?.Suspension?.Reason ?? "The facility is suspended.";
            failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = Suspended, Subject = facilityCode, Description = reason });
            message = $"Facility {facilityCode} may not send this traffic: {reason}";
        }
        else
        {
            foreach (var condition in admission.Missing)
            {
                failure.Violations.Add(new PreconditionFailure.Types.Violation
                {
                    Type = Readiness,
                    Subject = FacilityMessages.ConditionName(condition),
                    Description = FacilityMessages.Describe(condition),
                });
            }

            message = $"Facility {facilityCode} is not ready for production traffic; missing: "
                + string.Join(", ", admission.Missing.Select(FacilityMessages.ConditionName)) + ".";
        }

        var status = new Status { Code = (int)Code.FailedPrecondition, Message = message };
        status.Details.Add(Any.Pack(failure));
        return status.ToRpcException();
    }
}
