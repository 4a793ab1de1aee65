using Grpc.Net.Client;
using SoSucKhoe.Api.V1;
using SoSucKhoe.TestData;

namespace SoSucKhoe.LoadTest.Hub;

/// <summary>Registers the synthetic facilities with the hub (as admin), adds their signing certificates and issues their keys.</summary>
public static class HubSetup
{
    /// <summary>Returns the issued facility key of each facility code.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> RegisterAsync(
        GrpcChannel channel, string adminKey, IEnumerable<SyntheticFacility> facilities, CancellationToken cancellationToken)
    {
        var admin = BearerCalls.With(channel, adminKey);
        var registry = new Api.V1.Facilities.FacilitiesClient(admin);
        var credentials = new Api.V1.Credentials.CredentialsClient(admin);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var facility in facilities)
        {
            await registry.RegisterFacilityAsync(
                new RegisterFacilityRequest { FacilityCode = facility.Code, Name = facility.Name, DistrictCode = facility.DistrictCode },
                cancellationToken: cancellationToken);
            await registry.AddSigningCertificateAsync(
                new AddSigningCertificateRequest
                {
                    FacilityCode = facility.Code,
                    CertificatePem = FacilityCertificates.For(facility).ExportCertificatePem(),
                },
                cancellationToken: cancellationToken);
            var issued = await credentials.IssueFacilityKeyAsync(
                new IssueFacilityKeyRequest { FacilityCode = facility.Code, Label = "load test" },
                cancellationToken: cancellationToken);
            keys[facility.Code] = issued.Key;
        }

        return keys;
    }
}
