namespace SoSucKhoe.GatewayEmulator;

/// <summary>The emulator's counters since start or the last reset (exact, whatever the received-list cap).</summary>
/// <param name="Received">Documents acknowledged (maKetQua 200), check-ins and dossiers.</param>
/// <param name="CheckIns">Check-ins acknowledged.</param>
/// <param name="Dossiers">Dossiers acknowledged.</param>
/// <param name="DistinctDossiers">Dossiers acknowledged with a (maCSKCB, MA_LK, content) not seen before.</param>
/// <param name="DistinctEpisodes">Distinct (maCSKCB, MA_LK) among acknowledged dossiers.</param>
/// <param name="Duplicates">Documents acknowledged whose (maCSKCB, MA_LK, SHA-256 of the content) was already received.</param>
/// <param name="OrderViolations">Check-ins received after a dossier of the same MA_LK at the same facility.</param>
/// <param name="Rejected">Requests answered with a business result code other than 200 (invalid input or injected rejection).</param>
/// <param name="Unauthorized">Requests refused for their token or password hash (maKetQua 401).</param>
/// <param name="FaultsInjected">HTTP 500/503 answers and business rejections caused by fault injection.</param>
/// <param name="TokensIssued">Tokens handed out.</param>
/// <param name="Retained">Received items still listed by <c>GET emulator/received</c>.</param>
public sealed record EmulatorStats(
    long Received,
    long CheckIns,
    long Dossiers,
    long DistinctDossiers,
    long DistinctEpisodes,
    long Duplicates,
    long OrderViolations,
    long Rejected,
    long Unauthorized,
    long FaultsInjected,
    long TokensIssued,
    int Retained);
