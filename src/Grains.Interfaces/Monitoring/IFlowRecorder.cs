namespace SoSucKhoe.Monitoring;

/// <summary>
/// Counts a silo's traffic per facility in memory and flushes the increments in batches to the facilities' flow grains, so the
/// hot path never waits for monitoring. Calls are cheap and thread-safe. A crash loses at most one flush interval of counts.
/// </summary>
public interface IFlowRecorder
{
    /// <summary>The intake received a dossier from the facility (before any check).</summary>
    void Received(string facilityCode);

    /// <summary>The hub refused a dossier (validation, signature or readiness).</summary>
    void RefusedByHub(string facilityCode);

    /// <summary>A dossier version was accepted; <paramref name="newVisit"/> is given for the first version of an episode.</summary>
    void Accepted(string facilityCode, VisitFacts? newVisit);

    /// <summary>One sending attempt to the gateway ended (answered or failed).</summary>
    void Forwarded(string facilityCode);

    /// <summary>
    /// The gateway acknowledged a dossier version; <paramref name="firstForEpisode"/> is given when it is the episode's first
    /// acknowledged version (the episode now counts as interconnected).
    /// </summary>
    void Acknowledged(string facilityCode, TimeSpan lag, VisitFacts? firstForEpisode);

    /// <summary>The gateway refused a dossier version.</summary>
    void RejectedByGateway(string facilityCode);
}

/// <summary>What the semiannual report needs of an episode.</summary>
/// <param name="VisitType">MA_LOAI_KCB.</param>
/// <param name="Insured">True when the episode was covered by an insurance card.</param>
/// <param name="EpisodeEnd">NGAY_RA, else NGAY_VAO: decides the half-year the visit is reported in.</param>
public readonly record struct VisitFacts(string VisitType, bool Insured, DateTimeOffset EpisodeEnd);
