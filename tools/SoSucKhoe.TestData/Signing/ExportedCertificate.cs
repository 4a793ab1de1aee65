namespace SoSucKhoe.TestData;

/// <summary>Paths of a certificate exported by <see cref="FacilityCertificates.Export"/>.</summary>
public sealed record ExportedCertificate(string CertificatePemPath, string PrivateKeyPemPath, string PfxPath, string PfxPassword);
