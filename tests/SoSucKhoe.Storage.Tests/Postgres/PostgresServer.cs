using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SoSucKhoe.Storage.Tests.Postgres;

/// <summary>
/// A real, throw-away PostgreSQL 15 server for the tests: initdb into a temp folder, listen on 127.0.0.1 at a free
/// port (socket in the same folder, trust authentication), create the database, apply our schema; stop and delete
/// on dispose. When <c>SOSUCKHOE_PG_CONNECTION</c> is set, that server is used instead (the schema is applied to it).
/// When running as root, initdb and pg_ctl run as the <c>postgres</c> user (initdb refuses root).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ConnectionVariable = "SOSUCKHOE_PG_CONNECTION";
    public const string BinariesVariable = "SOSUCKHOE_PG_BIN";
    private const string DefaultBinaries = "/usr/lib/postgresql/15/bin";
    private const string ServiceUser = "postgres";
    private const string DatabaseName = "sosuckhoe";

    private string? _root;
    private string? _pgCtl;
    private bool _started;
    private bool _asServiceUser;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            ConnectionString = external;
            await PostgresStorage.ApplySchemaAsync(ConnectionString);
            return;
        }

        try
        {
            await StartLocalServerAsync();
            await PostgresStorage.ApplySchemaAsync(ConnectionString);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartLocalServerAsync()
    {
        var binaries = Environment.GetEnvironmentVariable(BinariesVariable) ?? DefaultBinaries;
        var initdb = Path.Combine(binaries, "initdb");
        _pgCtl = Path.Combine(binaries, "pg_ctl");
        if (!File.Exists(initdb) || !File.Exists(_pgCtl))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 server binaries not found in '{binaries}' (initdb, pg_ctl). Install the postgresql-15 " +
                $"package, set {BinariesVariable} to its bin folder, or set {ConnectionVariable} to a running server.");
        }

        _asServiceUser = Environment.UserName == "root";
        if (_asServiceUser && (await RunAsync("id", ["-u", ServiceUser], asServiceUser: false, throwOnError: false)).ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Running as root, the test server must run as the '{ServiceUser}' user (initdb refuses root), " +
                $"but that user does not exist. Create it: useradd --system --user-group --no-create-home {ServiceUser}");
        }

        _root = Path.Combine(Path.GetTempPath(), $"sosuckhoe-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_root);
        if (_asServiceUser)
        {
            await RunAsync("chown", [$"{ServiceUser}:{ServiceUser}", _root], asServiceUser: false);
        }

        var data = Path.Combine(_root, "data");
        await RunAsync(initdb, ["-D", data, "-U", ServiceUser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);

        var port = FreeLoopbackPort();
        var serverOptions = $"-c listen_addresses=127.0.0.1 -p {port} -k {_root} -c fsync=off -c full_page_writes=off";
        _started = true;
        await RunAsync(_pgCtl, ["-D", data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "-o", serverOptions, "start"]);

        var server = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = ServiceUser,
            Database = "postgres",
            Pooling = false,
        };
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
            await create.ExecuteNonQueryAsync();
        }

        server.Database = DatabaseName;
        server.Pooling = true;
        ConnectionString = server.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started && _root is not null && _pgCtl is not null)
        {
            await RunAsync(_pgCtl, ["-D", Path.Combine(_root, "data"), "-m", "fast", "-w", "stop"], throwOnError: false);
            _started = false;
        }

        if (_root is not null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private Task<(int ExitCode, string Output)> RunAsync(string program, IReadOnlyList<string> arguments, bool throwOnError = true) =>
        RunAsync(program, arguments, _asServiceUser, throwOnError);

    private static async Task<(int ExitCode, string Output)> RunAsync(
        string program, IReadOnlyList<string> arguments, bool asServiceUser, bool throwOnError = true)
    {
        var start = new ProcessStartInfo(asServiceUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asServiceUser)
        {
            foreach (var argument in new[] { "-u", ServiceUser, "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = $"{await stdout}{await stderr}";
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {output}");
        }

        return (process.ExitCode, output);
    }
}
