namespace SoSucKhoe.LoadTest.Ceilings;

/// <summary>
/// The ceilings measured in the same run on the same machine. CPU: parse + validate + verify of one dossier on one core
/// (<see cref="CpuMsPerDossier"/> from the process CPU time, <see cref="WallMsPerDossier"/> from the clock), so the CPU ceiling is
/// cores ÷ cost. Storage: a plain SQLite WAL + synchronous=FULL loop of the group-commit shape (not the hub's own store class,
/// which is internal to the silo): commits per second with one row per transaction (the disk's fsync rate) and rows per
/// second with <see cref="BatchRows"/> rows per transaction; divided by <see cref="WritesPerDossier"/> it is the storage ceiling.
/// </summary>
public sealed record CeilingResult
{
    public required int Cores { get; init; }
    public required long CpuDossiers { get; init; }
    public required double CpuMsPerDossier { get; init; }
    public required double WallMsPerDossier { get; init; }
    public required bool Validated { get; init; }
    public required int ProblemDossiers { get; init; }
    public required double CpuCeilingPerSecond { get; init; }
    public required double CommitsPerSecondSingleRow { get; init; }
    public required int BatchRows { get; init; }
    public required double RowsPerSecondBatched { get; init; }
    public required double WritesPerDossier { get; init; }
    public required double StorageCeilingPerSecond { get; init; }
    public double Ceiling => Math.Min(CpuCeilingPerSecond, StorageCeilingPerSecond);
    public double? Achieved { get; init; }
    public double? AchievedShare => Achieved is { } a && Ceiling > 0 ? Math.Round(a / Ceiling, 3) : null;
}
