namespace SoSucKhoe.Interop;

/// <summary>What kind of document goes to the gateway, which decides the endpoint and loaiHoSo.</summary>
public enum OutboundKind
{
    /// <summary>An XML0 check-in document (checkInKcbQd4750, loaiHoSo "0").</summary>
    CheckIn = 1,

    /// <summary>A GIAMDINHHS dossier (guiHoSoXmlQD4750, loaiHoSo "130").</summary>
    Dossier = 2,
}

/// <summary>
/// The stream event that carries one outbox entry from a patient grain to the facility's forwarder. The document is the
/// facility's signed bytes, unchanged.
/// </summary>
/// <param name="ItemId">Unique id of the outbox entry; the forwarder de-duplicates on it.</param>
/// <param name="PersonKey">The patient grain to report back to.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.OutboundDocument")]
public sealed record OutboundDocument(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string PersonKey,
    [property: Id(2)] OutboundKind Kind,
    [property: Id(3)] string FacilityCode,
    [property: Id(4)] string ProvinceCode,
    [property: Id(5)] string MaLk,
    [property: Id(6)] int Version,
    [property: Id(7)] byte[] Document);
