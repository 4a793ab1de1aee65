namespace SoSucKhoe.LoadTest.Workload;

/// <summary>How dossier <c>i</c> picks its citizen among <c>--citizens</c>.</summary>
public enum CitizenOrder
{
    /// <summary>Uniformly at random: citizens come back, as they do in a real province (the default).</summary>
    Random = 0,

    /// <summary>
    /// A fixed permutation: the first N dossiers go to N different citizens, so a soak reaches every one of them (a random draw
    /// of N among N reaches only about 63 %).
    /// </summary>
    Distinct = 1,
}
