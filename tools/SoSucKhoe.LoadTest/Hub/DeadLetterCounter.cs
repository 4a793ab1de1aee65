using Grpc.Core;
using Grpc.Net.Client;
using SoSucKhoe.Api.V1;

namespace SoSucKhoe.LoadTest.Hub;

/// <summary>Counts the dossiers the hub lists as refused by the gateway (Operations.ListRejectedDossiers, as admin), per facility.</summary>
public static class DeadLetterCounter
{
    /// <summary>The total over <paramref name="facilityCodes"/>, or null when the hub refused the call.</summary>
    public static async Task<long?> CountAsync(GrpcChannel channel, string adminKey, IEnumerable<string> facilityCodes, CancellationToken cancellationToken)
    {
        var operations = new Operations.OperationsClient(BearerCalls.With(channel, adminKey));
        var total = 0L;
        try
        {
            foreach (var code in facilityCodes)
            {
                var response = await operations.ListRejectedDossiersAsync(new ListRejectedDossiersRequest { FacilityCode = code }, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                total += response.Dossiers.Count;
            }
        }
        catch (RpcException)
        {
            return null;
        }

        return total;
    }
}
