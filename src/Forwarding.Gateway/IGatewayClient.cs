namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>
/// The client of the national insurance assessment gateway (letter 1245/BHXH-CNTT). Calls never throw for gateway or transport
/// failures: they end in a <see cref="GatewayResult"/>. Only cancellation by the caller throws
/// (<see cref="OperationCanceledException"/>).
/// </summary>
public interface IGatewayClient
{
    /// <summary>Sends an XML0 check-in document (checkInKcbQd4750, loaiHoSo "0").</summary>
    Task<GatewayResult> SendCheckInAsync(GatewaySubmission submission, CancellationToken cancellationToken);

    /// <summary>Sends a GIAMDINHHS dossier (guiHoSoXmlQD4750, loaiHoSo "130").</summary>
    Task<GatewayResult> SendDossierAsync(GatewaySubmission submission, CancellationToken cancellationToken);
}
