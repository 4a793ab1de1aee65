namespace SoSucKhoe.LoadTest.Workload;

/// <summary>One pre-signed dossier, ready to send with its facility's key.</summary>
public sealed record PreparedDossier(string FacilityCode, string VisitType, byte[] Document);
