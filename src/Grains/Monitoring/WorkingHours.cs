using SoSucKhoe.Facilities;

namespace SoSucKhoe.Grains.Monitoring;

/// <summary>Counts working hours (working days, between the workday's start and end, local time) between two instants.</summary>
public static class WorkingHours
{
    /// <summary>Working time between <paramref name="from"/> and <paramref name="to"/> (zero when <paramref name="to"/> is not later).</summary>
    public static TimeSpan Between(DateTimeOffset from, DateTimeOffset to, ReadinessOptions options)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var days = options.EffectiveWorkingDays;
        var offset = options.LocalOffset;
        var day = DateOnly.FromDateTime(from.ToOffset(offset).DateTime);
        var last = DateOnly.FromDateTime(to.ToOffset(offset).DateTime);
        var total = TimeSpan.Zero;

        // Beyond a year of silence the exact figure no longer matters: stop counting there.
        for (var guard = 0; day <= last && guard < 400; day = day.AddDays(1), guard++)
        {
            if (!days.Contains(day.DayOfWeek))
            {
                continue;
            }

            var start = new DateTimeOffset(day.ToDateTime(options.WorkdayStart), offset);
            var end = new DateTimeOffset(day.ToDateTime(options.WorkdayEnd), offset);
            var overlapStart = start > from ? start : from;
            var overlapEnd = end < to ? end : to;
            if (overlapEnd > overlapStart)
            {
                total += overlapEnd - overlapStart;
            }
        }

        return total;
    }
}
