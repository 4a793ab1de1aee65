using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SoSucKhoe.Api.Errors;
using SoSucKhoe.Dossiers;
using SoSucKhoe.Dossiers.Identifiers;
using SoSucKhoe.Facilities;

namespace SoSucKhoe.Api.Facilities;

/// <summary>Checks shared by the registry RPCs (facilities, keys, certificates), with the contract's errors.</summary>
internal static class RegistryLookups
{
    /// <summary>The registered facility a request names: INVALID_ARGUMENT for a malformed code, NOT_FOUND for an unknown one.</summary>
    public static async Task<(IFacilityGrain Grain, FacilityView View)> RequireFacilityAsync(IGrainFactory grains, string code)
    {
        if (!FacilityCode.TryParse(code, out var parsed, out var reason))
        {
            throw ApiErrors.InvalidArgument("REQUEST", "facility_code", ViolationRules.FacilityCodeStructure, reason!);
        }

        var grain = grains.GetGrain<IFacilityGrain>(parsed.Value);
        var view = await grain.GetView() ?? throw ApiErrors.NotFound($"Facility {parsed.Value} is not registered.", "facility", parsed.Value);
        return (grain, view);
    }

    /// <summary>One X.509 certificate from PEM, refusing anything that carries a private key (it must never be sent).</summary>
    public static X509Certificate2 ParsePublicCertificate(string pem)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException)
        {
            throw ApiErrors.InvalidArgument("REQUEST", "certificate_pem", ViolationRules.Required, "certificate_pem must hold one X.509 certificate in PEM.");
        }

        if (certificate.HasPrivateKey || pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            certificate.Dispose();
            throw ApiErrors.InvalidArgument("REQUEST", "certificate_pem", ViolationRules.Required, "Send the certificate only, never its private key.");
        }

        return certificate;
    }
}
