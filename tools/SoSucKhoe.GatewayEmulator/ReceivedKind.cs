namespace SoSucKhoe.GatewayEmulator;

/// <summary>Which service received a document.</summary>
public enum ReceivedKind
{
    /// <summary>checkInKcbQd4750: an XML0 check-in.</summary>
    CheckIn = 1,

    /// <summary>guiHoSoXmlQD4750: a GIAMDINHHS dossier.</summary>
    Dossier = 2,
}
