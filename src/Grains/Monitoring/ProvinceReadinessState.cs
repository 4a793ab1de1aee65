using SoSucKhoe.Monitoring;

namespace SoSucKhoe.Grains.Monitoring;

/// <summary>The persisted province aggregate: the latest snapshot of each facility and the last change sequence number.</summary>
[GenerateSerializer, Alias("sosuckhoe.ProvinceReadinessState")]
public sealed class ProvinceReadinessState
{
    /// <summary>MA_CSKCB → latest snapshot.</summary>
    [Id(0)] public Dictionary<string, FacilitySnapshot> Facilities { get; set; } = [];

    /// <summary>Facilities that moved away → the revision that removed them (older snapshots arriving late are ignored).</summary>
    [Id(1)] public Dictionary<string, long> Removed { get; set; } = [];

    /// <summary>The sequence number of the last change; never goes back.</summary>
    [Id(2)] public long Sequence { get; set; }
}
