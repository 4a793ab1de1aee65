using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SoSucKhoe.LoadTest.Drill;

/// <summary>
/// One hub node of a drill: its command runs under <c>setsid /bin/sh -c</c>, so that the node and everything it starts form one
/// process group that a signal ends together, apart from the tool. Its output is appended to a log file, each life marked.
/// </summary>
public sealed class HubNode(int number, string command, string? workingDirectory, string logPath) : IAsyncDisposable
{
    private readonly Lock _logGate = new();
    private StreamWriter? _log;
    private Process? _process;
    private int _lives;

    /// <summary>1 for the first <c>--hub-command</c>.</summary>
    public int Number { get; } = number;

    /// <summary>The process group of the running life (the shell's pid), or 0 when not started.</summary>
    public int ProcessGroupId { get; private set; }

    /// <summary>Starts a new life of the node.</summary>
    public void Start()
    {
        lock (_logGate)
        {
            _log ??= new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { AutoFlush = true };
            _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# drill: node {Number}, life {++_lives}, started {DateTimeOffset.UtcNow:O}"));
        }

        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.ArgumentList.Add("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"node {Number}: the command did not start");
        process.OutputDataReceived += (_, line) => Write(line.Data);
        process.ErrorDataReceived += (_, line) => Write(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        _process?.Dispose();
        _process = process;
        // setsid runs the shell in place (the tool's child is no group leader), so the shell's pid names the new group.
        ProcessGroupId = ProcessGroup.GroupOf(process.Id) is { } group && group == process.Id ? group : process.Id;
    }

    /// <summary>True while the node's command (the shell at the head of its group) has not exited.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// Stops the node: SIGKILL to its group, or SIGTERM and, after <paramref name="stopTimeout"/>, SIGKILL. Returns once no
    /// process of the group is left, and whether a SIGTERM had to be followed by SIGKILL.
    /// </summary>
    public async Task<bool> StopAsync(bool graceful, TimeSpan stopTimeout)
    {
        if (ProcessGroupId == 0)
        {
            return false;
        }

        ProcessGroup.Signal(ProcessGroupId, graceful);
        var forced = false;
        if (graceful && !await WaitGoneAsync(stopTimeout).ConfigureAwait(false))
        {
            forced = true;
            ProcessGroup.Signal(ProcessGroupId, graceful: false);
        }

        await WaitGoneAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        return forced;
    }

    public async ValueTask DisposeAsync()
    {
        if (IsRunning || (ProcessGroupId != 0 && ProcessGroup.IsAlive(ProcessGroupId)))
        {
            await StopAsync(graceful: true, TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        }

        _process?.Dispose();
        lock (_logGate)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private async Task<bool> WaitGoneAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        if (_process is { } process)
        {
            using var wait = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        while (ProcessGroup.IsAlive(ProcessGroupId))
        {
            if (Stopwatch.GetTimestamp() >= deadline)
            {
                return false;
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        return true;
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logGate)
        {
            _log?.WriteLine(line);
        }
    }
}
