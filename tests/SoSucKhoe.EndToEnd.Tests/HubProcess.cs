using System.Diagnostics;
using SoSucKhoe.Testing;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>The hub as a separate operating-system process (the silo executable), so that a test can kill it outright.</summary>
public sealed class HubProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private HubProcess(Process process, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        _output = output;
    }

    /// <summary>Everything the process wrote to standard output and standard error so far.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The operating system's id of the hub's process.</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// Runs the silo executable with exactly these arguments (no test settings added) until it exits, for tests of a start that
    /// must fail; returns its exit status and everything it wrote.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SiloAssembly());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The silo process did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The silo did not exit within {timeout}: {await output}{await errors}");
        }

        return (process.ExitCode, await output + await errors);
    }

    public static async Task<HubProcess> StartAsync(HubSettings settings, TimeSpan timeout, params string[] extraArguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SiloAssembly());
        foreach (var argument in settings.ToArguments().Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = Process.Start(start) ?? throw new InvalidOperationException("The silo process did not start.");
        process.OutputDataReceived += (_, line) => Keep(output, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var hub = new HubProcess(process, output);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var healthy = await Eventually.Until(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The silo process exited with code {process.ExitCode} during start-up.");
            }

            try
            {
                var answer = await http.GetAsync(new Uri(settings.HttpAddress, "/healthz"));
                return answer.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }, timeout, TimeSpan.FromMilliseconds(200));
        if (!healthy)
        {
            hub.Kill();
            throw new TimeoutException("The silo process did not become healthy in time.");
        }

        return hub;
    }

    /// <summary>SIGKILL: no shutdown, no flushing, exactly like a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> output, string? line)
    {
        if (line is not null && output.Count < 200_000)
        {
            output.Enqueue(line);
        }
    }

    private static string SiloAssembly()
    {
        // Tests run from tests/<project>/bin/<Configuration>/<framework>/: the silo is built with the same configuration.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var path = Path.Combine(Repository.Root, "src", "Silo", "bin", configuration, framework.Name, "SoSucKhoe.Silo.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the silo was not found.", path);
    }
}
