using System.Text;
using SoSucKhoe.Testing;

namespace SoSucKhoe.Cli.Tests.Support;

/// <summary>What one run of the command printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error, byte[] RawOut)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}

/// <summary>Runs <c>sosuckhoe</c> in this process (fast), or as its own process (as a shell does).</summary>
public static class Tool
{
    /// <summary>Runs the command line in-process with the given environment (nothing else is visible to it).</summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var raw = new MemoryStream();
        var code = await CliApp.RunAsync(args, new CliConsole(output, error, raw), name => environment?.GetValueOrDefault(name));
        return new CliResult(code, output.ToString(), error.ToString(), raw.ToArray());
    }

    /// <inheritdoc cref="RunAsync(IReadOnlyDictionary{string, string}?, string[])"/>
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>The built tool, as the documentation runs it: <c>tools/SoSucKhoe.Cli/bin/{configuration}/{framework}/sosuckhoe.dll</c>.</summary>
    public static string Assembly
    {
        get
        {
            // Tests run from tests/<project>/bin/<configuration>/<framework>/, and the tool is built with the same configuration.
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var path = Path.Combine(Repository.Root, "tools", "SoSucKhoe.Cli", "bin", framework.Parent!.Name, framework.Name, "sosuckhoe.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the CLI was not found.", path);
        }
    }

    /// <summary>A shell function named <c>sosuckhoe</c> that runs the built tool, for scripts taken from the documentation.</summary>
    public static string ShellFunction => $"sosuckhoe() {{ dotnet '{Assembly}' \"$@\"; }}\n";

    /// <summary>Reads a text file as UTF-8.</summary>
    public static string Text(string path) => File.ReadAllText(path, Encoding.UTF8);
}
