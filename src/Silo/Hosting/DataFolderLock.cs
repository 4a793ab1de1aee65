using System.Globalization;

namespace SoSucKhoe.Silo.Hosting;

/// <summary>
/// Holds the embedded profile's data folder for the life of the process: a second hub started on the same folder would read
/// and write the same SQLite file beside the first one and serve stale state, so it must stop before it opens storage. The
/// lock is an exclusive lock on <c>hub.lock</c> in the folder; the operating system drops it when the process ends, however it
/// ends, so a crashed hub never leaves the folder locked. The holder's process id is written into <c>hub.pid</c> for the message.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    /// <summary>The lock file's name.</summary>
    public const string LockFileName = "hub.lock";

    /// <summary>The file that names the holder's process id.</summary>
    public const string ProcessIdFileName = "hub.pid";

    private readonly FileStream _lock;

    private DataFolderLock(FileStream held) => _lock = held;

    /// <summary>Takes the folder (creating it if needed), or returns null and says who holds it.</summary>
    public static DataFolderLock? TryAcquire(string folder, out string? problem)
    {
        Directory.CreateDirectory(folder);
        var lockPath = Path.Combine(folder, LockFileName);
        var pidPath = Path.Combine(folder, ProcessIdFileName);
        FileStream held;
        try
        {
            held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var holder = ReadHolder(pidPath);
            problem = $"Hub:DataDirectory: the data folder {folder} is in use by another hub{holder}; stop it, or give this one "
                + "another Hub:DataDirectory.";
            return null;
        }

        File.WriteAllText(pidPath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + Environment.NewLine);
        problem = null;
        return new DataFolderLock(held);
    }

    public void Dispose() => _lock.Dispose();

    private static string ReadHolder(string pidPath)
    {
        try
        {
            var text = File.ReadAllText(pidPath).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? $" (process {pid})" : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
