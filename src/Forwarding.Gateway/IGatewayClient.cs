namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>
/// The client of the national insurance assessment gateway (letter 1245/BHXH-CNTT). Calls never throw for gateway or transport
/// failures: they end in a <see cref="GatewayResult"/>. Only cancellation by the caller throws
/// (<see cref="OperationCanceledException"/>).
/// </summary>
public interface IGatewayClient
{
    /// <summary>Sends an XML0 check-in document to its standard's check-in endpoint (e.g. checkInKcbQd3176, loaiHoSo "0").</summary>
    Task<GatewayResult> SendCheckInAsync(GatewaySubmission submission, CancellationToken cancellationToken);

    /// <summary>Sends a GIAMDINHHS dossier to its standard's dossier endpoint (e.g. guiHoSoXmlQD3176, loaiHoSo "130").</summary>
    Task<GatewayResult> SendDossierAsync(GatewaySubmission submission, CancellationToken cancellationToken);
}
