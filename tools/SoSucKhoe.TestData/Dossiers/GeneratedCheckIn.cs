using System.Security.Cryptography.X509Certificates;

namespace SoSucKhoe.TestData;

/// <summary>The XML0 check-in document (CHI_TIEU_TRANG_THAI_KCB) of an episode, unsigned and signed.</summary>
public sealed record GeneratedCheckIn
{
    public required string MaLk { get; init; }
    public required string FacilityCode { get; init; }
    public required SyntheticCitizen Citizen { get; init; }
    public required string VisitType { get; init; }
    public required byte[] Unsigned { get; init; }

    /// <summary>Signed bytes; empty when the episode was built with <see cref="DossierOptions.Sign"/> false.</summary>
    public required byte[] Signed { get; init; }

    public X509Certificate2? SigningCertificate { get; init; }

    /// <summary>The data standard of the arrival day ("4750", "3176"), whose check-in endpoint takes it.</summary>
    public string Standard { get; init; } = "4750";

    public bool IsSigned => Signed.Length > 0;

    /// <summary>The body to send: signed when signed, else unsigned.</summary>
    public byte[] Payload => IsSigned ? Signed : Unsigned;
}
