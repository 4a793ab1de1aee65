namespace SoSucKhoe.Storage.Tests.Grains;

/// <summary>What a <see cref="RecordKeeperGrain"/> activation holds in memory, with its storage ETag.</summary>
[GenerateSerializer, Immutable, Alias("storage-tests.RecordView")]
public sealed record RecordView(
    [property: Id(0)] string Text,
    [property: Id(1)] byte[] Blob,
    [property: Id(2)] int Writes,
    [property: Id(3)] string? ETag,
    [property: Id(4)] bool RecordExists);
