namespace SoSucKhoe.Facilities;

/// <summary>What traffic a facility wants to send.</summary>
public enum AdmissionPurpose
{
    /// <summary>Production check-ins and dossiers: allowed when ready or live.</summary>
    Production = 1,

    /// <summary>Conformance (test) dossiers: allowed while registered, preparing, ready or live; never forwarded.</summary>
    Conformance = 2,
}

/// <summary>The gate's answer for one request, with everything the intake needs from the facility in one call.</summary>
/// <param name="View">The facility, or null when it is not registered.</param>
/// <param name="Allowed">True when the traffic may pass.</param>
/// <param name="Missing">When refused for readiness, the conditions still missing (phase 1), or empty when suspended.</param>
/// <param name="Reason">Why it was refused, in words.</param>
/// <param name="SigningCertificates">The facility's signing certificates, revoked ones included.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.FacilityAdmission")]
public sealed record FacilityAdmission(
    [property: Id(0)] FacilityView? View,
    [property: Id(1)] bool Allowed,
    [property: Id(2)] IReadOnlyList<ReadinessCondition> Missing,
    [property: Id(3)] string? Reason,
    [property: Id(4)] IReadOnlyList<SigningCertificate> SigningCertificates);
