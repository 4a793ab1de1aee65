namespace SoSucKhoe.LoadTest.Driving;

/// <summary>How a drive ended: the time from its start to its last answer, and whether the drain timeout cut calls off.</summary>
public sealed record DriveResult(TimeSpan Elapsed, bool DrainTimedOut);
