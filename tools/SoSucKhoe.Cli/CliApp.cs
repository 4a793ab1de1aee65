using System.Globalization;
using System.Text;
using SoSucKhoe.Cli.Calls;
using SoSucKhoe.Cli.Samples;

namespace SoSucKhoe.Cli;

/// <summary>The <c>sosuckhoe</c> command: picks the subcommand, turns its errors into one line and an exit code.</summary>
public static class CliApp
{
    /// <summary>The command's name, as typed.</summary>
    public const string Name = "sosuckhoe";

    /// <summary>Every subcommand, in the order the help lists them.</summary>
    public static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new MakeCertCommand(),
        new SampleDossierCommand(),
        new SampleCheckInCommand(),
        new CallCommand(),
    ];

    /// <summary>The top-level help.</summary>
    public static string Usage
    {
        get
        {
            var text = new StringBuilder()
                .AppendLine($"usage: {Name} <command> [options]   ({Name} <command> --help for its options)")
                .AppendLine()
                .AppendLine("commands:");
            foreach (var command in Commands)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {command.Name,-16} {command.Summary}");
            }

            return text.AppendLine()
                .AppendLine("exit codes: 0 done, 1 failed (or the hub refused the call), 2 wrong command line")
                .ToString();
        }
    }

    /// <summary>Runs one command line; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, Func<string, string?> environment,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(environment);
        if (args.Count == 0)
        {
            await console.Error.WriteAsync(Usage);
            return ExitCodes.Usage;
        }

        if (args[0] is "--help" or "-h" or "help")
        {
            await console.Out.WriteAsync(Usage);
            return ExitCodes.Ok;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await console.Error.WriteLineAsync($"{Name}: unknown command '{args[0]}' (commands: {string.Join(", ", Commands.Select(c => c.Name))}).");
            return ExitCodes.Usage;
        }

        var rest = args.Skip(1).ToList();
        if (rest.Any(a => a is "--help" or "-h"))
        {
            await console.Out.WriteAsync(command.Usage);
            return ExitCodes.Ok;
        }

        try
        {
            return await command.RunAsync(rest, new CliContext(console, environment, cancellation));
        }
        catch (UsageException exception)
        {
            await console.Error.WriteLineAsync($"{Name} {command.Name}: {exception.Message} (see {Name} {command.Name} --help)");
            return ExitCodes.Usage;
        }
        catch (CliFailureException exception)
        {
            await console.Error.WriteLineAsync($"{Name} {command.Name}: {exception.Message}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"{Name} {command.Name}: cancelled.");
            return ExitCodes.Failed;
        }
    }
}
