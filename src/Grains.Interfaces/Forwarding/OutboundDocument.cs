namespace SoSucKhoe.Forwarding;

/// <summary>What kind of document goes to the gateway, which decides the endpoint and loaiHoSo.</summary>
public enum OutboundKind
{
    /// <summary>An XML0 check-in document (the standard's check-in endpoint, e.g. checkInKcbQd3176; loaiHoSo "0").</summary>
    CheckIn = 1,

    /// <summary>A GIAMDINHHS dossier (the standard's dossier endpoint, e.g. guiHoSoXmlQD3176; loaiHoSo "130").</summary>
    Dossier = 2,
}

/// <summary>
/// The stream event that tells the facility's forwarder which outbox entry of a patient grain to send. It carries no document:
/// the forwarder asks the patient grain for the entry's bytes (<see cref="SoSucKhoe.Patients.IPatientGrain.GetOutboxDocument"/>)
/// right before sending, so that a document of hundreds of kilobytes is not serialized into the stream queue, copied in and out
/// of it and deserialized again.
/// </summary>
/// <param name="ItemId">Unique id of the outbox entry; the forwarder de-duplicates on it.</param>
/// <param name="PersonKey">The patient grain to report back to (and to fetch the document from).</param>
/// <param name="Standard">The data standard the document was validated against, which decides its endpoint; null for entries
/// queued before the hub recorded it (the gateway client's default standard).</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.OutboundDocument")]
public sealed record OutboundDocument(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string PersonKey,
    [property: Id(2)] OutboundKind Kind,
    [property: Id(3)] string FacilityCode,
    [property: Id(4)] string ProvinceCode,
    [property: Id(5)] string MaLk,
    [property: Id(6)] int Version,
    [property: Id(7)] string? Standard = null);

/// <summary>The bytes of one outbox entry, handed from the patient grain to the forwarder without a copy (never modified).</summary>
/// <param name="Bytes">The facility's signed document, unchanged.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.OutboxDocument")]
public sealed record OutboxDocument([property: Id(0)] byte[] Bytes);
