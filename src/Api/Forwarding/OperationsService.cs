using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SoSucKhoe.Api.Errors;
using SoSucKhoe.Api.Security;
using SoSucKhoe.Api.Security.Audit;
using SoSucKhoe.Dossiers;
using SoSucKhoe.Facilities;
using SoSucKhoe.Forwarding;
using SoSucKhoe.Patients;
using static SoSucKhoe.Api.V1.Operations;

namespace SoSucKhoe.Api.Forwarding;

// The contract's names win where the domain repeats them; the slice's mapper converts between the two.
using SoSucKhoe.Api.V1;

/// <summary>Refused dossiers and their audited replay (proto service sosuckhoe.v1.Operations).</summary>
[BindServiceMethod(typeof(GuardedBinding<OperationsBase>), nameof(GuardedBinding<OperationsBase>.BindService))]
public sealed class OperationsService(IGrainFactory grains, IEpisodeRegistry episodes, IAuditTrail audit, TimeProvider time) : OperationsBase
{
    public override async Task<ListRejectedDossiersResponse> ListRejectedDossiers(ListRejectedDossiersRequest request, ServerCallContext context)
    {
        var response = new ListRejectedDossiersResponse();
        response.Dossiers.AddRange((await grains.GetGrain<IDeadLetterIndexGrain>(request.FacilityCode).List()).Select(l => new RejectedDossier
        {
            DossierId = l.DossierId,
            Version = l.Version,
            GatewayResultCode = l.ResultCode ?? string.Empty,
            GatewayMessage = l.Message ?? string.Empty,
            RejectedAt = Timestamp.FromDateTimeOffset(l.RejectedAt),
        }));
        return response;
    }

    public override async Task<ReplayRejectedDossierResponse> ReplayRejectedDossier(ReplayRejectedDossierRequest request, ServerCallContext context)
    {
        if (!EpisodeKey.TryParse(request.DossierId, out var facilityCode, out var maLk))
        {
            throw ApiErrors.InvalidArgument("REQUEST", "dossier_id", ViolationRules.Required, "dossier_id must be \"<MA_CSKCB>:<MA_LK>\".");
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500 || request.Reason.Any(char.IsControl))
        {
            throw ApiErrors.InvalidArgument("REQUEST", "reason", ViolationRules.Required, "reason is required: 1 to 500 printable characters.");
        }

        var personKey = await episodes.FindAsync(facilityCode, maLk);
        if (personKey is null || !await grains.GetGrain<IPatientGrain>(personKey).ReplayRejected(facilityCode, maLk, request.Version))
        {
            throw ApiErrors.NotFound($"Version {request.Version} of {request.DossierId} is not a refused dossier.", "rejected_dossier", request.DossierId);
        }

        var caller = CallerPrincipal.From(context);
        await audit.AppendAsync(new AuditRecord
        {
            OccurredAt = time.GetUtcNow(),
            Action = AuditActions.DeadLetterReplayed,
            ActorRole = caller.RoleName,
            ActorId = caller.KeyId,
            FacilityCode = facilityCode,
            ProvinceCode = (await grains.GetGrain<IFacilityGrain>(facilityCode).GetView())?.ProvinceCode,
            Outcome = AuditOutcomes.Ok,
            Details = $"Replayed version {request.Version} of {EpisodeKey.Create(facilityCode, maLk)}: {request.Reason.Trim()}",
        }, context.CancellationToken);
        return new ReplayRejectedDossierResponse { DossierId = EpisodeKey.Create(facilityCode, maLk), Version = request.Version };
    }
}
