namespace SoSucKhoe.GatewayEmulator;

/// <summary>
/// The fields the emulator checks in the first TONG_HOP of an XML1 table: the trimmed text of the first child element of each
/// name, null when that child is missing or empty.
/// </summary>
internal sealed record SummaryFacts(string? MaLk, string? MaCskcb, string? SoCccd, string? MaTheBhyt, string? NgayVao = null, string? NgayRa = null);
