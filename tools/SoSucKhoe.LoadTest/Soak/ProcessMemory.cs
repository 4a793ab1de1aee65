using System.Globalization;

namespace SoSucKhoe.LoadTest.Soak;

/// <summary>Reads a process's resident set size (VmRSS) from <c>/proc/&lt;pid&gt;/status</c> (Linux).</summary>
public static class ProcessMemory
{
    /// <summary>VmRSS in MiB, or null when the process is gone or the file has no such line.</summary>
    public static double? ReadRssMiB(int pid)
    {
        try
        {
            return ParseVmRssMiB(File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The VmRSS line ("VmRSS:   123456 kB") of a status file, in MiB.</summary>
    public static double? ParseVmRssMiB(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        foreach (var line in status.Split('\n'))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line["VmRSS:".Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 1 && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib))
            {
                var unit = parts.Length > 1 ? parts[1] : "kB";
                var factor = unit.ToUpperInvariant() switch { "KB" => 1.0 / 1024, "MB" => 1, "GB" => 1024, _ => 1.0 / (1024 * 1024) };
                return Math.Round(kib * factor, 1);
            }
        }

        return null;
    }
}
