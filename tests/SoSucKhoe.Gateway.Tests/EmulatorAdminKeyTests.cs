using System.Net;
using System.Net.Http.Headers;

namespace SoSucKhoe.Gateway.Tests;

/// <summary>The emulator's control endpoints behind its own key, as the standalone emulator runs them.</summary>
public sealed class EmulatorAdminKeyTests
{
    private const string Key = "emu_test_key_0123456789";

    [Theory]
    [InlineData("GET", "emulator/stats")]
    [InlineData("GET", "emulator/received")]
    [InlineData("GET", "emulator/faults")]
    [InlineData("POST", "emulator/faults")]
    [InlineData("POST", "emulator/reset")]
    public async Task Every_control_endpoint_answers_401_without_the_key_or_with_another_and_serves_with_it(string method, string path)
    {
        await using var bed = await GatewayTestBed.StartAsync(emulator: o => o.AdminKey = Key);

        using var anonymous = await bed.Http.SendAsync(Request(method, path, key: null));
        using var wrong = await bed.Http.SendAsync(Request(method, path, "emu_someone_else"));
        using var right = await bed.Http.SendAsync(Request(method, path, Key));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task The_gateway_services_keep_their_own_token_check_and_need_no_control_key()
    {
        await using var bed = await GatewayTestBed.StartAsync(emulator: o => o.AdminKey = Key);

        var answer = await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier("LK-KEY-1")), CancellationToken.None);

        Assert.Equal(GatewayOutcome.Acknowledged, answer.Outcome);
        Assert.Equal(1, bed.State.GetStats().Dossiers);
    }

    [Fact]
    public void The_standalone_key_is_the_given_one_or_its_own_kept_in_a_file_only_its_owner_may_read()
    {
        var folder = Directory.CreateTempSubdirectory("ssk-emukey-").FullName;
        try
        {
            var file = Path.Combine(folder, "sub", "emulator-admin.key");

            var own = EmulatorAdminKey.Resolve(configured: null, file, out var created);
            var again = EmulatorAdminKey.Resolve(configured: " ", file, out var createdAgain);
            var given = EmulatorAdminKey.Resolve("given-key", file, out var createdGiven);

            Assert.True(created);
            Assert.StartsWith("emu_", own, StringComparison.Ordinal);
            Assert.True(own.Length >= 40);
            Assert.Equal(own, File.ReadAllText(file).Trim());
            Assert.Equal((own, false), (again, createdAgain));
            Assert.Equal(("given-key", false), (given, createdGiven));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            File.WriteAllText(file, "\n");
            Assert.Throws<InvalidOperationException>(() => EmulatorAdminKey.Resolve(null, file, out _));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("Bearer " + Key, true)]
    [InlineData("bearer " + Key + " ", true)]
    [InlineData("Bearer " + Key + "x", false)]
    [InlineData("Basic " + Key, false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_bearer_key_itself_matches(string? header, bool matches) =>
        Assert.Equal(matches, EmulatorAdminKey.Matches(Key, header));

    private static HttpRequestMessage Request(string method, string path, string? key)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }
}
