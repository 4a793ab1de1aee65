using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>gRPC clients of one hub, each carrying an API key as a real HIS or province tool would.</summary>
public sealed partial class HubClients(GrpcChannel channel, string adminKey)
{
    private readonly ConcurrentDictionary<string, Task<string>> _facilityKeys = new(StringComparer.Ordinal);

    public GrpcChannel Channel => channel;

    /// <summary>A call invoker that sends <paramref name="key"/> (or nothing when null) as the bearer token.</summary>
    public CallInvoker With(string? key) =>
        key is null ? channel.CreateCallInvoker() : channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + key);
            return metadata;
        });

    public Api.V1.Facilities.FacilitiesClient AdminFacilities => new(With(adminKey));

    public Api.V1.Credentials.CredentialsClient AdminCredentials => new(With(adminKey));

    public Api.V1.Audit.AuditClient AdminAudit => new(With(adminKey));

    public string AdminKey => adminKey;

    /// <summary>An Intake client carrying <paramref name="key"/>.</summary>
    public Api.V1.Intake.IntakeClient IntakeWith(string key) => new(With(key));

    /// <summary>A Facilities client carrying <paramref name="key"/>.</summary>
    public Api.V1.Facilities.FacilitiesClient FacilitiesWith(string key) => new(With(key));

    /// <summary>Readies a facility (once per code, see <see cref="ReadyFacilityAsync"/>) and returns an Intake client with its key.</summary>
    public async Task<Api.V1.Intake.IntakeClient> IntakeForAsync(string facilityCode, string? name = null)
    {
        var key = await FacilityKeyAsync(facilityCode, name);
        return new Api.V1.Intake.IntakeClient(With(key));
    }

    /// <summary>
    /// The key of a READY facility: the first call for a code registers and readies it through the API
    /// (<see cref="ReadyFacilityAsync"/>); later calls return the same key.
    /// </summary>
    public Task<string> FacilityKeyAsync(string facilityCode, string? name = null) =>
        _facilityKeys.GetOrAdd(facilityCode, code => ReadyFacilityAsync(code, name));
}
