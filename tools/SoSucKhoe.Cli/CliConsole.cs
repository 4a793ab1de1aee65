namespace SoSucKhoe.Cli;

/// <summary>Where a command writes: text to <see cref="Out"/> and <see cref="Error"/>, raw bytes (a bytes field) to <see cref="RawOut"/>.</summary>
/// <param name="Out">Standard output: results a shell may capture.</param>
/// <param name="Error">Standard error: errors and progress for the person at the terminal.</param>
/// <param name="RawOut">Standard output as a byte stream, for binary values.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, Stream RawOut)
{
    /// <summary>The process's own standard streams.</summary>
    public static CliConsole System => new(Console.Out, Console.Error, Console.OpenStandardOutput());
}
