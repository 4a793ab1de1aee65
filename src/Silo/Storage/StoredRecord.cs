namespace SoSucKhoe.Silo.Storage;

/// <summary>One grain record as read from <see cref="SqliteGrainStore"/>.</summary>
/// <param name="Payload">The serialized state; null once the state was cleared.</param>
/// <param name="Version">The record's version, which is the state's ETag.</param>
internal sealed record StoredRecord(byte[]? Payload, long Version);
