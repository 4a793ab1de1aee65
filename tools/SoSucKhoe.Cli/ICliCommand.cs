namespace SoSucKhoe.Cli;

/// <summary>One subcommand of <c>sosuckhoe</c>.</summary>
public interface ICliCommand
{
    /// <summary>The word that selects it (e.g. "make-cert").</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>Its <c>--help</c> text.</summary>
    string Usage { get; }

    /// <summary>
    /// Runs it with the arguments after its name. Throws <see cref="UsageException"/> for a wrong command line and
    /// <see cref="CliFailureException"/> for anything that failed; returns the exit code otherwise.
    /// </summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CliContext context);
}

/// <summary>What a command runs with: its console, the environment and a cancellation token.</summary>
/// <param name="Console">Where it writes.</param>
/// <param name="Environment">Reads an environment variable (null when unset).</param>
/// <param name="Cancellation">Cancelled on Ctrl+C.</param>
public sealed record CliContext(CliConsole Console, Func<string, string?> Environment, CancellationToken Cancellation);
