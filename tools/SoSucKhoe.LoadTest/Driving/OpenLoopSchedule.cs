namespace SoSucKhoe.LoadTest.Driving;

/// <summary>The send times of an open-loop run, fixed before it starts: request i is due at i / rate after the start.</summary>
public static class OpenLoopSchedule
{
    /// <summary>How many requests a run of <paramref name="duration"/> at <paramref name="rate"/> per second sends.</summary>
    public static int Count(double rate, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        return Math.Max(1, (int)Math.Ceiling(rate * duration.TotalSeconds));
    }

    /// <summary>When request <paramref name="index"/> is due, relative to the start of the run.</summary>
    public static TimeSpan SendTime(int index, double rate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        return TimeSpan.FromTicks((long)Math.Round(index * TimeSpan.TicksPerSecond / rate));
    }
}
