namespace SoSucKhoe.LoadTest.Workload;

/// <summary>The share of each visit type (MA_LOAI_KCB) among generated dossiers: mostly outpatient exams, as in a real province.</summary>
public static class VisitMix
{
    /// <summary>Visit type and weight; the weights add up to 100.</summary>
    public static IReadOnlyList<(string VisitType, int Weight)> Default { get; } =
    [
        ("01", 70), // outpatient exam
        ("02", 6),  // outpatient treatment
        ("03", 10), // inpatient
        ("04", 3),  // day inpatient
        ("05", 6),  // chronic outpatient exam and drugs
        ("07", 3),  // drug refill by appointment
        ("09", 2),  // inpatient under four hours
    ];

    /// <summary>Picks a visit type for a uniform number in [0, 1).</summary>
    public static string Pick(double uniform)
    {
        var total = Default.Sum(static entry => entry.Weight);
        var target = uniform * total;
        foreach (var (visitType, weight) in Default)
        {
            if (target < weight)
            {
                return visitType;
            }

            target -= weight;
        }

        return Default[^1].VisitType;
    }
}
