using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using SoSucKhoe.Api.V1;
using SoSucKhoe.LoadTest.Driving;
using SoSucKhoe.LoadTest.Workload;

namespace SoSucKhoe.LoadTest.Hub;

/// <summary>
/// Sends one visit per request index, with its facility's key: Intake.CheckIn first when the dossier carries a check-in, then
/// Intake.SubmitDossier; turns the answers into a <see cref="SendOutcome"/> (a failed check-in is reported as
/// <c>CheckIn:&lt;status&gt;</c> and its dossier is not sent). The outcome names the facility, the dossier's size and the
/// check-in's duration, for the latency log, and the dossier's identity (MA_LK, SHA-256 of the bytes sent, the version answered).
/// </summary>
public sealed class DossierSender
{
    private readonly IDossierSource _dossiers;
    private readonly Dictionary<string, Intake.IntakeClient> _clients;
    private long _checkIns;

    public DossierSender(GrpcChannel channel, IReadOnlyDictionary<string, string> facilityKeys, IDossierSource dossiers)
    {
        ArgumentNullException.ThrowIfNull(facilityKeys);
        _dossiers = dossiers;
        _clients = facilityKeys.ToDictionary(
            static pair => pair.Key, pair => new Intake.IntakeClient(BearerCalls.With(channel, pair.Value)), StringComparer.Ordinal);
    }

    public DossierSender(GrpcChannel channel, IReadOnlyDictionary<string, string> facilityKeys, IReadOnlyList<PreparedDossier> dossiers)
        : this(channel, facilityKeys, new PreparedDossierSource(dossiers))
    {
    }

    /// <summary>Check-ins answered OK so far.</summary>
    public long CheckIns => Interlocked.Read(ref _checkIns);

    public async Task<SendOutcome> SendAsync(int index, CancellationToken cancellationToken)
    {
        var dossier = await _dossiers.TakeAsync(index, cancellationToken).ConfigureAwait(false);
        var client = _clients[dossier.FacilityCode];
        TimeSpan? checkInTime = null;
        if (dossier.CheckIn is { } checkIn)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await client.CheckInAsync(checkIn, cancellationToken: cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _checkIns);
            }
            catch (RpcException exception)
            {
                return Describe(SendOutcome.Failed("CheckIn:" + exception.StatusCode), dossier, Stopwatch.GetElapsedTime(started));
            }

            checkInTime = Stopwatch.GetElapsedTime(started);
        }

        try
        {
            var response = await client
                .SubmitDossierAsync(
                    new SubmitDossierRequest { Document = UnsafeByteOperations.UnsafeWrap(dossier.Document) },
                    cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return Describe(SendOutcome.Ok(response.DossierId, response.Duplicate) with { Version = response.Version }, dossier, checkInTime);
        }
        catch (RpcException exception)
        {
            return Describe(SendOutcome.Failed(exception.StatusCode.ToString()), dossier, checkInTime);
        }
    }

    private static SendOutcome Describe(SendOutcome outcome, PreparedDossier dossier, TimeSpan? checkInTime) =>
        outcome with
        {
            FacilityCode = dossier.FacilityCode,
            DossierBytes = dossier.Document.Length,
            CheckInTime = checkInTime,
            MaLk = dossier.MaLk,
            Sha256 = dossier.Sha256,
        };
}
