namespace SoSucKhoe.GatewayEmulator;

/// <summary>What the emulator reads from a document: its episodes, its facility and its person.</summary>
/// <param name="MaLks">The distinct MA_LK values, in document order (one for a dossier).</param>
/// <param name="PersonId">SO_CCCD, or the card number when SO_CCCD is empty; null when neither is present.</param>
internal sealed record DocumentFacts(IReadOnlyList<string> MaLks, string? PersonId);
