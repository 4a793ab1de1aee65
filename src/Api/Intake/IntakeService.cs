using Grpc.Core;
using SoSucKhoe.Api.Security;
using static SoSucKhoe.Api.V1.Intake;
using SoSucKhoe.Api.Errors;

namespace SoSucKhoe.Api.Intake;

// The contract's names win where the domain repeats them; the slice's mapper converts between the two.
using SoSucKhoe.Api.V1;

/// <summary>
/// The HIS-facing intake (proto service sosuckhoe.v1.Intake); the work happens in <see cref="DossierIntake"/>. Every call first
/// takes a place from <see cref="IntakeAdmission"/>, which bounds how many the hub works on at once.
/// </summary>
[BindServiceMethod(typeof(GuardedBinding<IntakeBase>), nameof(GuardedBinding<IntakeBase>.BindService))]
public sealed class IntakeService(DossierIntake intake, IntakeAdmission admission) : IntakeBase
{
    public override async Task<CheckInResponse> CheckIn(CheckInRequest request, ServerCallContext context)
    {
        using var place = await admission.EnterAsync(context.CancellationToken);
        return await intake.CheckInAsync(request);
    }

    public override async Task<SubmitDossierResponse> SubmitDossier(SubmitDossierRequest request, ServerCallContext context)
    {
        using var place = await admission.EnterAsync(context.CancellationToken);
        return await intake.SubmitAsync(request.Document, CallerPrincipal.From(context));
    }

    public override async Task<ConformanceReport> SubmitConformanceDossier(SubmitConformanceDossierRequest request, ServerCallContext context)
    {
        using var place = await admission.EnterAsync(context.CancellationToken);
        return await intake.SubmitConformanceAsync(request.Document, CallerPrincipal.From(context));
    }

    public override async Task<CancelEpisodeResponse> CancelEpisode(CancelEpisodeRequest request, ServerCallContext context)
    {
        using var place = await admission.EnterAsync(context.CancellationToken);
        return await intake.CancelAsync(request);
    }

    public override async Task<DossierStatus> GetDossierStatus(GetDossierStatusRequest request, ServerCallContext context)
    {
        using var place = await admission.EnterAsync(context.CancellationToken);
        return await intake.GetStatusAsync(request);
    }
}
