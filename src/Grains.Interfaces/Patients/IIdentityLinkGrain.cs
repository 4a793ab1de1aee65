namespace SoSucKhoe.Patients;

/// <summary>
/// Resolves another identifier of a person to the key of their patient grain. Keyed by a namespaced identifier (see
/// <see cref="IdentityLinkKey"/>): the 10-digit social-insurance number printed on insurance cards (learnt from check-ins and dossiers
/// that carry both the card and the personal ID), an old 9-digit ID or a passport number.
/// </summary>
public interface IIdentityLinkGrain : IGrainWithStringKey
{
    /// <summary>The person key the identifier belongs to, or null when the hub has not learnt it yet.</summary>
    Task<string?> Resolve();

    /// <summary>Links the identifier to a person key (the latest link wins: cards move when a record is corrected).</summary>
    Task Link(string personKey);
}

/// <summary>Keys of identity link grains.</summary>
public static class IdentityLinkKey
{
    public static string ForInsuranceNumber(string tenDigitNumber) => "bhyt:" + tenDigitNumber;

    public static string ForLegacyId(string legacyId) => "cmnd:" + legacyId;

    public static string ForPassport(string passport) => "passport:" + passport;
}
