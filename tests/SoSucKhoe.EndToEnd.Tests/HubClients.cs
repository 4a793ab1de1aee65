using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using SoSucKhoe.Api.V1;
using SoSucKhoe.TestData;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>gRPC clients of one hub, each carrying an API key as a real HIS or province tool would.</summary>
public sealed class HubClients(GrpcChannel channel, string adminKey)
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

    /// <summary>Registers a facility (as admin) and returns an Intake client holding a key of that facility.</summary>
    public async Task<Api.V1.Intake.IntakeClient> IntakeForAsync(string facilityCode, string? name = null)
    {
        var key = await FacilityKeyAsync(facilityCode, name);
        return new Api.V1.Intake.IntakeClient(With(key));
    }

    public Task<string> FacilityKeyAsync(string facilityCode, string? name = null) =>
        _facilityKeys.GetOrAdd(facilityCode, async code =>
        {
            await AdminFacilities.RegisterFacilityAsync(new RegisterFacilityRequest { FacilityCode = code, Name = name ?? "Facility " + code });
            // The test data generator signs every dossier of a facility with that facility's test certificate.
            await AdminFacilities.AddSigningCertificateAsync(new AddSigningCertificateRequest
            {
                FacilityCode = code,
                CertificatePem = FacilityCertificates.For(code).ExportCertificatePem(),
            });
            var issued = await AdminCredentials.IssueFacilityKeyAsync(new IssueFacilityKeyRequest { FacilityCode = code, Label = "tests" });
            return issued.Key;
        });
}
