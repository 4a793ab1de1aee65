namespace SoSucKhoe.LoadTest;

/// <summary>How requests are paced.</summary>
public enum LoadMode
{
    /// <summary>A fixed arrival rate: send times are scheduled in advance and latency counts from the scheduled time.</summary>
    Open,

    /// <summary>A fixed number of workers, each sending its next request as soon as the previous one was answered.</summary>
    Closed,
}
