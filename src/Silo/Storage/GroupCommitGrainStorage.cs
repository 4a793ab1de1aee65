using System.Globalization;
using Orleans.Serialization;
using Orleans.Storage;

namespace SoSucKhoe.Silo.Storage;

/// <summary>
/// The embedded profile's grain storage: Orleans' <see cref="IGrainStorage"/> over <see cref="SqliteGrainStore"/>
/// (group commit, one fsync per batch). The ETag is the record's version as a decimal string ("1" after the first
/// write); a version mismatch raises <see cref="InconsistentStateException"/>, as with the ADO.NET provider.
/// </summary>
/// <remarks>
/// The state is serialized on the caller's thread before it is queued, so the single writer thread only runs SQL. The
/// grain's ETag and RecordExists change only after the commit that holds the write has returned.
/// The payload is Orleans' binary format, the same bytes as <see cref="OrleansGrainStorageSerializer"/> writes, but encoded
/// into pooled buffers and copied once into an array of the exact size: that serializer grows an <c>ArrayBufferWriter</c> by
/// doubling and the array is copied again out of its <see cref="BinaryData"/>, about four times a patient's state in
/// garbage per write.
/// </remarks>
internal sealed class GroupCommitGrainStorage(
    string providerName, string serviceId, SqliteGrainStore store, Serializer serializer) : IGrainStorage
{
    /// <summary>The provider name this storage is registered under.</summary>
    public string Name => providerName;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var record = store.Read(Key(stateName, grainId));
        if (record is null)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return Task.CompletedTask;
        }

        grainState.ETag = ToETag(record.Version);
        grainState.RecordExists = record.Payload is not null;
        if (record.Payload is not null)
        {
            grainState.State = serializer.Deserialize<T>(record.Payload);
        }

        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var expected = ParseETag(grainState.ETag, stateName, grainId);
        var payload = serializer.SerializeToArray(grainState.State);
        var version = await store.WriteAsync(Key(stateName, grainId), expected, payload).ConfigureAwait(false)
            ?? throw Conflict("write", stateName, grainId, grainState.ETag);
        grainState.ETag = ToETag(version);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var expected = ParseETag(grainState.ETag, stateName, grainId);
        var version = await store.ClearAsync(Key(stateName, grainId), expected).ConfigureAwait(false)
            ?? throw Conflict("clear", stateName, grainId, grainState.ETag);
        grainState.ETag = version == 0 ? null : ToETag(version);
        grainState.RecordExists = false;
    }

    private RecordKey Key(string stateName, GrainId grainId) => new(serviceId, stateName, grainId.ToString());

    private static string ToETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long? ParseETag(string? etag, string stateName, GrainId grainId) =>
        etag is null ? null
        : long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : throw new InconsistentStateException(
            $"The ETag of state '{stateName}' of a {grainId.Type} grain is not a version of this storage.", "unknown", etag);

    // The message names the state and the grain type, never the key: grain keys may carry personal data.
    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? etag)
    {
        var stored = store.Read(Key(stateName, grainId));
        var storedETag = stored is null ? "none" : ToETag(stored.Version);
        return new InconsistentStateException(
            $"Version conflict on {operation} of state '{stateName}' of a {grainId.Type} grain: it holds ETag " +
            $"'{etag ?? "none"}', the store has '{storedETag}'.",
            storedETag,
            etag ?? "none");
    }
}
