using Grpc.Core;
using Grpc.Net.Client;
using SoSucKhoe.Api.V1;
using SoSucKhoe.LoadTest.Reporting;

namespace SoSucKhoe.LoadTest.Hub;

/// <summary>
/// Polls Intake.GetDossierStatus for a sample of accepted dossiers (each with its facility's key) until all are acknowledged by
/// the gateway or the timeout passes, and measures acceptance-to-acknowledgement lag from the hub's status timestamps.
/// </summary>
public sealed class LagProbe(GrpcChannel channel, IReadOnlyDictionary<string, string> facilityKeys)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public async Task<ForwardingLag> MeasureAsync(IReadOnlyList<string> dossierIds, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossierIds);
        var clients = facilityKeys.ToDictionary(
            static pair => pair.Key, pair => new Intake.IntakeClient(BearerCalls.With(channel, pair.Value)), StringComparer.Ordinal);
        var histogram = new LatencyHistogram();
        var pending = new HashSet<string>(dossierIds, StringComparer.Ordinal);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (pending.Count > 0)
            {
                foreach (var id in pending.ToList())
                {
                    var facility = id[..id.IndexOf(':', StringComparison.Ordinal)];
                    DossierStatus status;
                    try
                    {
                        status = await clients[facility]
                            .GetDossierStatusAsync(new GetDossierStatusRequest { DossierId = id }, cancellationToken: deadline.Token)
                            .ConfigureAwait(false);
                    }
                    catch (RpcException exception) when (exception.StatusCode != StatusCode.Cancelled)
                    {
                        continue;
                    }

                    if (status.State == DossierState.Acknowledged)
                    {
                        histogram.Record(status.UpdatedAt.ToDateTimeOffset() - status.AcceptedAt.ToDateTimeOffset());
                        pending.Remove(id);
                    }
                }

                if (pending.Count > 0)
                {
                    await Task.Delay(PollInterval, deadline.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            // Timeout: what is still pending is reported as not acknowledged.
        }

        return new ForwardingLag(dossierIds.Count, dossierIds.Count - pending.Count, pending.Count, histogram.Summarize());
    }
}
