using System.Globalization;
using System.Runtime.InteropServices;

namespace SoSucKhoe.LoadTest.Drill;

/// <summary>Signals and watches a process group on Linux (<c>kill(2)</c> and <c>/proc</c>), the way an operator or a crash would end it.</summary>
public static partial class ProcessGroup
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    /// <summary>Sends SIGKILL or SIGTERM to every process of the group <paramref name="pgid"/>; false when none received it.</summary>
    /// <remarks>kill(2) itself, not kill(1): a minimal image may not carry procps.</remarks>
    public static bool Signal(int pgid, bool graceful)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pgid, 2);
        return Kill(-pgid, graceful ? SigTerm : SigKill) == 0;
    }

    /// <summary>True while a process of the group <paramref name="pgid"/> is alive (zombies waiting to be reaped do not count).</summary>
    public static bool IsAlive(int pgid)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(directory);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0]))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (GroupOf(stat) is { } group && group.Pgid == pgid && group.State != 'Z')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The process group of a process, or null when it is gone.</summary>
    public static int? GroupOf(int pid)
    {
        try
        {
            return GroupOf(File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat"))?.Pgid;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Reads the state and process group from a <c>/proc/&lt;pid&gt;/stat</c> line (the command name may hold spaces and parentheses).</summary>
    public static (char State, int Pgid)? GroupOf(string stat)
    {
        ArgumentNullException.ThrowIfNull(stat);
        var end = stat.LastIndexOf(')');
        if (end < 0)
        {
            return null;
        }

        var fields = stat[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // After the name: state, ppid, pgrp, ...
        return fields.Length >= 3 && fields[0].Length == 1 && int.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pgid)
            ? (fields[0][0], pgid)
            : null;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
