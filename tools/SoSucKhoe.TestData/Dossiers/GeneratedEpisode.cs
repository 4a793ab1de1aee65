namespace SoSucKhoe.TestData;

/// <summary>A dossier and its check-in document, built from the same episode.</summary>
public sealed record GeneratedEpisode(GeneratedDossier Dossier, GeneratedCheckIn CheckIn);
