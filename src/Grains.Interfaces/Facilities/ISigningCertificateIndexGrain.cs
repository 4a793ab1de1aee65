namespace SoSucKhoe.Facilities;

/// <summary>Which facility a signing certificate is registered for, keyed by its SHA-256 thumbprint.</summary>
public interface ISigningCertificateIndexGrain : IGrainWithStringKey
{
    /// <summary>Claims the certificate for a facility; returns the facility that holds it (the first claim wins).</summary>
    Task<string> Claim(string facilityCode);

    /// <summary>The facility the certificate is registered for, or null.</summary>
    Task<string?> GetFacility();
}
