using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using SoSucKhoe.Api.V1;
using SoSucKhoe.LoadTest.Driving;
using SoSucKhoe.LoadTest.Workload;

namespace SoSucKhoe.LoadTest.Hub;

/// <summary>Submits pre-signed dossiers, each with its facility's key, and turns the answer into a <see cref="SendOutcome"/>.</summary>
public sealed class DossierSender
{
    private readonly IReadOnlyList<PreparedDossier> _dossiers;
    private readonly Dictionary<string, Intake.IntakeClient> _clients;

    public DossierSender(GrpcChannel channel, IReadOnlyDictionary<string, string> facilityKeys, IReadOnlyList<PreparedDossier> dossiers)
    {
        ArgumentNullException.ThrowIfNull(facilityKeys);
        _dossiers = dossiers;
        _clients = facilityKeys.ToDictionary(
            static pair => pair.Key, pair => new Intake.IntakeClient(BearerCalls.With(channel, pair.Value)), StringComparer.Ordinal);
    }

    public async Task<SendOutcome> SendAsync(int index, CancellationToken cancellationToken)
    {
        var dossier = _dossiers[index];
        try
        {
            var response = await _clients[dossier.FacilityCode]
                .SubmitDossierAsync(
                    new SubmitDossierRequest { Document = UnsafeByteOperations.UnsafeWrap(dossier.Document) },
                    cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return SendOutcome.Ok(response.DossierId, response.Duplicate);
        }
        catch (RpcException exception)
        {
            return SendOutcome.Failed(exception.StatusCode.ToString());
        }
    }
}
