namespace SoSucKhoe.Silo.Hosting;

/// <summary>
/// The hub cannot start as configured. Each problem is one line an operator can act on (the setting, the file or port, what to
/// do); the process prints them without a stack trace and exits with status 1.
/// </summary>
public sealed class HubStartupException(IReadOnlyList<string> problems)
    : Exception("The hub cannot start:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    /// <summary>What is wrong, one line each.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
