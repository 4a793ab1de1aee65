namespace SoSucKhoe.LoadTest.Soak;

/// <summary>The hub's resident memory at <see cref="AtSeconds"/> after the start of the measured run.</summary>
public sealed record MemorySample(double AtSeconds, double RssMiB);
