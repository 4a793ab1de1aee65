namespace SoSucKhoe.Storage.Tests.Grains;

/// <summary>The persistent state of <see cref="RecordKeeperGrain"/>.</summary>
[GenerateSerializer, Alias("storage-tests.KeptRecord")]
public sealed record KeptRecord
{
    [Id(0)] public string Text { get; init; } = "";
    [Id(1)] public byte[] Blob { get; init; } = [];
    [Id(2)] public int Writes { get; init; }
}
