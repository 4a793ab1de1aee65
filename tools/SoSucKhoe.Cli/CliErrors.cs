namespace SoSucKhoe.Cli;

/// <summary>The command line is wrong (unknown option, missing or malformed value): exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>The command was understood but could not be carried out (a file, a certificate, a refused call): exit code 1.</summary>
public sealed class CliFailureException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The process exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The command failed (or the hub refused the call).</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;
}
