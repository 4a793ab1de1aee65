namespace SoSucKhoe.GatewayEmulator;

/// <summary>Which service received a document.</summary>
public enum ReceivedKind
{
    /// <summary>checkInKcbQd4750 / checkInKcbQd3176: an XML0 check-in.</summary>
    CheckIn = 1,

    /// <summary>guiHoSoXmlQD4750 / guiHoSoXmlQD3176: a GIAMDINHHS dossier.</summary>
    Dossier = 2,
}
