using Grpc.Core;
using SoSucKhoe.Api.Intake;
using SoSucKhoe.Api.Security;
using SoSucKhoe.Api.V1;

namespace SoSucKhoe.Api.Services;

/// <summary>The HIS-facing intake (proto service sosuckhoe.v1.Intake); the work happens in <see cref="DossierIntake"/>.</summary>
public sealed class IntakeService(DossierIntake intake) : V1.Intake.IntakeBase
{
    public override Task<CheckInResponse> CheckIn(CheckInRequest request, ServerCallContext context) =>
        intake.CheckInAsync(request);

    public override Task<SubmitDossierResponse> SubmitDossier(SubmitDossierRequest request, ServerCallContext context) =>
        intake.SubmitAsync(request.Document, CallerPrincipal.From(context));

    public override Task<ConformanceReport> SubmitConformanceDossier(SubmitConformanceDossierRequest request, ServerCallContext context) =>
        intake.SubmitConformanceAsync(request.Document, CallerPrincipal.From(context));

    public override Task<CancelEpisodeResponse> CancelEpisode(CancelEpisodeRequest request, ServerCallContext context) =>
        intake.CancelAsync(request);

    public override Task<DossierStatus> GetDossierStatus(GetDossierStatusRequest request, ServerCallContext context) =>
        intake.GetStatusAsync(request);
}
