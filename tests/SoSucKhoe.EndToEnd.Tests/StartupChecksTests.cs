using System.Net;
using System.Net.Sockets;
using SoSucKhoe.Silo.Hosting;
using SoSucKhoe.Silo.Storage;
using SoSucKhoe.Testing;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// An operator's mistakes stop the hub before it opens storage or activates anything, with one line per problem that names the
/// setting and the file, folder or port, and exit status 1 without a stack trace. Each test runs the real silo executable.
/// </summary>
public sealed class StartupChecksTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sosuckhoe-startup-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task An_unknown_profile_is_refused_instead_of_running_as_embedded()
    {
        var (exitCode, output) = await RunAsync("--Hub:Profile=foo");

        AssertRefused(exitCode, output, "Hub:Profile must be 'embedded' or 'cluster', not 'foo'.");
        Assert.False(File.Exists(DatabaseFile), "nothing may be opened when the settings are wrong");
    }

    [Fact]
    public async Task The_cluster_profile_names_every_missing_setting_in_one_message()
    {
        var (exitCode, output) = await RunAsync("--Hub:Profile=cluster");

        AssertRefused(exitCode, output, "The cluster profile needs settings that are not set:");
        var line = output.Split('\n').Single(l => l.Contains("The cluster profile needs settings", StringComparison.Ordinal));
        foreach (var setting in new[] { "Hub:PostgresConnectionString", "Hub:TlsCertificatePath", "Security:AuditSubjectKey", "Secrets:KeyFile or Secrets:Key" })
        {
            Assert.Contains(setting, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_missing_catalogue_stops_the_start_with_the_setting_and_the_file()
    {
        var missing = Path.Combine(_folder.FullName, "no-such-list.csv");

        var (exitCode, output) = await RunAsync($"--Catalogues:Standards={missing}");

        AssertRefused(exitCode, output, $"Catalogues:Standards: the file {missing} does not exist.");
        Assert.False(File.Exists(DatabaseFile));
    }

    [Fact]
    public async Task A_standard_without_gateway_endpoints_stops_the_start()
    {
        var standards = Path.Combine(_folder.FullName, "standards.csv");
        var shipped = Path.Combine(AppContext.BaseDirectory, "catalogues");
        await File.WriteAllTextAsync(standards, "standard,decision,episodes_from,field_rules,amends\n"
            + $"4750,QĐ 4750,,{Path.Combine(shipped, "xml-fields-qd4750.csv")},\n"
            + $"2027,QĐ thử,2027-01-01,{Path.Combine(shipped, "xml-fields-qd3176.csv")},4750\n");

        var (exitCode, output) = await RunAsync($"--Catalogues:Standards={standards}");

        AssertRefused(exitCode, output, "Gateway:Endpoints:2027: the standards catalogue lists QĐ 2027 (QĐ thử) but no gateway endpoints (CheckInPath, DossierPath) are configured for it.");
        Assert.False(File.Exists(DatabaseFile));
    }

    [Fact]
    public async Task A_relative_catalogue_path_is_taken_from_the_working_directory()
    {
        // The silo runs with the test's working directory: the message shows the path it resolved to.
        var (exitCode, output) = await RunAsync("--Catalogues:Icd10=relative/icd.csv");

        AssertRefused(exitCode, output, $"Catalogues:Icd10: the file {Path.GetFullPath("relative/icd.csv")} does not exist.");
    }

    [Fact]
    public async Task Malformed_catalogues_stop_the_start_and_every_one_is_named()
    {
        var noColumns = Path.Combine(_folder.FullName, "fields.csv");
        await File.WriteAllTextAsync(noColumns, "table,field\nXML1,MA_LK\n");
        var empty = Path.Combine(_folder.FullName, "icd.csv");
        await File.WriteAllTextAsync(empty, "code,code_nodot,chapter,name_en,name_vi\n");
        var brokenQuote = Path.Combine(_folder.FullName, "units.csv");
        await File.WriteAllTextAsync(brokenQuote, "province_code,province,district_code,district,commune_code,commune\n70,\"Bình Phước");
        var standards = Path.Combine(_folder.FullName, "standards.csv");
        await File.WriteAllTextAsync(standards, "standard,decision,episodes_from,field_rules,amends\n4750,QĐ 4750,,fields.csv,\n");
        var subjects = Path.Combine(_folder.FullName, "subjects.csv");
        await File.WriteAllTextAsync(subjects, "code,name,valid_from,valid_until,decision,list_complete\n1.1,Đúng tuyến,2025-07-01,,QĐ 3276,maybe\n");

        var (exitCode, output) = await RunAsync(
            $"--Catalogues:Standards={standards}", $"--Catalogues:Icd10={empty}", $"--Catalogues:AdministrativeUnits={brokenQuote}",
            $"--Catalogues:VisitSubjects={subjects}");

        AssertRefused(exitCode, output, $"Catalogues:Standards: the file {standards} is malformed: Standards record 2 (4750): the field list {noColumns} cannot be read:");
        Assert.Contains($"Catalogues:Icd10: the file {empty} is not a usable catalogue: it holds no ICD-10 code.", output, StringComparison.Ordinal);
        Assert.Contains($"Catalogues:AdministrativeUnits: the file {brokenQuote} is malformed:", output, StringComparison.Ordinal);
        Assert.Contains($"Catalogues:VisitSubjects: the file {subjects} is malformed: Code list record 2 (1.1): list_complete must be yes or no, not 'maybe'.",
            output, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabaseFile));
    }

    [Fact]
    public async Task A_second_hub_on_a_data_folder_in_use_refuses_to_start_and_names_the_holder()
    {
        await using var workspace = await HubWorkspace.CreateAsync("lock");
        using var first = await HubProcess.StartAsync(workspace.Settings, TimeSpan.FromSeconds(90));

        var (exitCode, output) = await RunAsync($"--Hub:DataDirectory={workspace.Settings.DataDirectory}");

        AssertRefused(exitCode, output,
            $"Hub:DataDirectory: the data folder {workspace.Settings.DataDirectory} is in use by another hub (process {first.ProcessId});");
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(workspace.Settings.HttpAddress, "/healthz"))).StatusCode);
    }

    [Fact]
    public async Task A_data_folder_left_by_a_killed_hub_is_free_again()
    {
        await using var workspace = await HubWorkspace.CreateAsync("relock");
        using (var crashed = await HubProcess.StartAsync(workspace.Settings, TimeSpan.FromSeconds(90)))
        {
            crashed.Kill();
        }

        using var restarted = await HubProcess.StartAsync(workspace.Settings, TimeSpan.FromSeconds(90));
        Assert.Equal(restarted.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (await File.ReadAllTextAsync(Path.Combine(workspace.Settings.DataDirectory, DataFolderLock.ProcessIdFileName))).Trim());
    }

    [Fact]
    public async Task A_port_in_use_is_reported_in_one_line_before_anything_starts()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var (exitCode, output) = await RunAsync($"--Hub:GrpcUrl=http://127.0.0.1:{port}");

        AssertRefused(exitCode, output, $"Hub:GrpcUrl: port {port} on 127.0.0.1 is already in use by another program;");
        Assert.False(File.Exists(DatabaseFile), "the port is checked before storage is opened");
    }

    [Fact]
    public async Task A_client_gateway_port_in_use_is_reported_under_its_setting()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var (exitCode, output) = await RunAsync($"--Hub:ClientGatewayPort={port}");

        AssertRefused(exitCode, output, $"Hub:ClientGatewayPort: port {port} on 127.0.0.1 is already in use by another program;");
    }

    [Fact]
    public async Task The_cluster_profile_refuses_to_host_the_gateway_emulator()
    {
        var (exitCode, output) = await RunAsync("--Hub:Profile=cluster", "--Hub:HostGatewayEmulator=true");

        AssertRefused(exitCode, output, "Hub:HostGatewayEmulator: the gateway emulator runs only in the embedded profile;");
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var (exitCode, output) = await RunAsync("--Hub:Profile=foo", "--Hub:HttpUrl=https://127.0.0.1:1", "--Catalogues:Icd10=/nonexistent/icd.csv");

        AssertRefused(exitCode, output, "Hub:Profile must be 'embedded' or 'cluster', not 'foo'.");
        Assert.Contains("Hub:HttpUrl must be an http:// URL", output, StringComparison.Ordinal);
        Assert.Contains("Catalogues:Icd10: the file /nonexistent/icd.csv does not exist.", output, StringComparison.Ordinal);
    }

    private string DataDirectory => Path.Combine(_folder.FullName, "data");

    private string DatabaseFile => Path.Combine(DataDirectory, EmbeddedStorage.DatabaseFileName);

    private static void AssertRefused(int exitCode, string output, string expected)
    {
        Assert.True(exitCode == 1, $"exit status {exitCode}: {output}");
        Assert.Contains("The hub cannot start:", output, StringComparison.Ordinal);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        // Free ports and a private data folder unless the test names its own; later arguments win.
        string[] defaults =
        [
            $"--Hub:GrpcUrl=http://127.0.0.1:{FreePorts.Next()}",
            $"--Hub:HttpUrl=http://127.0.0.1:{FreePorts.Next()}",
            $"--Hub:SiloPort={FreePorts.Next()}",
            $"--Hub:DataDirectory={DataDirectory}",
        ];
        return HubProcess.RunToExitAsync(ExitTimeout, [.. defaults, .. arguments]);
    }
}
