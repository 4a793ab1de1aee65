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
/// The stream event that carries one outbox entry from a patient grain to the facility's forwarder. The patient grain publishes
/// it without the document (<see cref="Document"/> empty): the forwarder asks the patient grain for the bytes of the entry
/// (<see cref="SoSucKhoe.Patients.IPatientGrain.GetOutboxDocument"/>) right before sending, so that a document of hundreds of
/// kilobytes is not serialized into the stream queue, copied in and out of it and deserialized again. An event that does carry
/// the document (the facility's signed bytes, unchanged) is sent as it is.
/// </summary>
/// <param name="ItemId">Unique id of the outbox entry; the forwarder de-duplicates on it.</param>
/// <param name="PersonKey">The patient grain to report back to (and to fetch the document from).</param>
/// <param name="Document">The document, or empty when the forwarder fetches it from the patient grain.</param>
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

/// <summary>The bytes of one outbox entry, handed from the patient grain to the forwarder without a copy (never modified).</summary>
/// <param name="Bytes">The facility's signed document, unchanged.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.OutboxDocument")]
public sealed record OutboxDocument([property: Id(0)] byte[] Bytes);
