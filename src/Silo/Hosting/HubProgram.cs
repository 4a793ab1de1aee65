using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SoSucKhoe.Silo.Hosting;

/// <summary>
/// The hub's process: builds and runs the host. An operator's mistake (a setting, a file, a folder or port in use) ends the
/// process with the problems, one line each, on standard error and exit status 1, never with a stack trace.
/// </summary>
public static class HubProgram
{
    /// <summary>Runs the hub until it is stopped; returns the process exit status.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter errors)
    {
        WebApplication app;
        try
        {
            app = HubHost.Build(args);
        }
        catch (HubStartupException exception)
        {
            await errors.WriteLineAsync(exception.Message);
            return 1;
        }

        await using (app)
        {
            try
            {
                await app.RunAsync();
                return 0;
            }
            catch (OptionsValidationException exception)
            {
                await errors.WriteLineAsync(new HubStartupException(exception.Failures.ToList()).Message);
                return 1;
            }
            catch (IOException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                // Another program took a port between the check and the bind.
                await errors.WriteLineAsync(new HubStartupException([exception.Message]).Message);
                return 1;
            }
        }
    }
}
