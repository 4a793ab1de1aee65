using System.Security.Cryptography.X509Certificates;
using System.Text;
using Google.Protobuf;
using SoSucKhoe.Api.V1;
using SoSucKhoe.Dossiers;
using SoSucKhoe.TestData;

namespace SoSucKhoe.Cli.Tests;

/// <summary>
/// <c>sample-dossier</c> and <c>sample-check-in</c>: documents that read, validate and verify under the hub's own rules with the
/// shipped catalogues, for every visit type, with distinct episodes when asked for several.
/// </summary>
public sealed class SampleDocumentTests : IClassFixture<SampleDocumentTests.Signer>, IDisposable
{
    private readonly Signer _signer;
    private readonly TempFolder _folder = new();

    public SampleDocumentTests(Signer signer) => _signer = signer;

    public static TheoryData<string> AllVisitTypes() => [.. VisitTypes.All];

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(AllVisitTypes))]
    public async Task A_sample_dossier_of_every_visit_type_is_valid_and_signed_with_the_given_certificate(string visitType)
    {
        var result = await Tool.RunAsync(["sample-dossier", .. _signer.Arguments, "--facility", "70001", "--visit-type", visitType, "--out", _folder["dossier.xml"]]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var bytes = File.ReadAllBytes(_folder["dossier.xml"]);
        var dossier = ProductRules.AssertValidDossier(bytes);
        ProductRules.AssertSignedBy(bytes, _signer.Certificate);
        Assert.Equal("70001", dossier.FacilityCode);
        Assert.Equal(visitType, dossier.Summary!.MaLoaiKcb);
        Assert.True(dossier.Summary.NgayRa!.Value.Value < DateTimeOffset.UtcNow, "the episode is over");
        Assert.Contains(dossier.Summary.MaLk!, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_writes_numbered_dossiers_of_distinct_episodes_and_patients()
    {
        var result = await Tool.RunAsync(["sample-dossier", .. _signer.Arguments, "--facility", "70001", "--count", "5", "--out", _folder["conformance.xml"]]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var documents = Enumerable.Range(1, 5).Select(i => File.ReadAllBytes(_folder[$"conformance-{i}.xml"])).ToList();
        var dossiers = documents.Select(ProductRules.AssertValidDossier).ToList();
        Assert.All(documents, d => ProductRules.AssertSignedBy(d, _signer.Certificate));
        Assert.Equal(5, dossiers.Select(d => d.Summary!.MaLk).Distinct().Count());
        Assert.Equal(5, dossiers.Select(d => d.Summary!.SoCccd).Distinct().Count());
        Assert.Equal(5, documents.Select(d => DossierHash.Compute(d)).Distinct().Count());
        Assert.False(File.Exists(_folder["conformance.xml"]));
    }

    [Fact]
    public async Task Seeds_give_different_episodes_and_the_same_seed_the_same_episode()
    {
        await Tool.RunAsync(["sample-dossier", .. _signer.Arguments, "--facility", "70001", "--seed", "1", "--out", _folder["a.xml"]]);
        await Tool.RunAsync(["sample-dossier", .. _signer.Arguments, "--facility", "70001", "--seed", "2", "--out", _folder["b.xml"]]);
        await Tool.RunAsync(["sample-dossier", "--unsigned", "--facility", "70001", "--seed", "2", "--out", _folder["c.xml"]]);

        var (a, b, c) = (Read(_folder["a.xml"]), Read(_folder["b.xml"]), Read(_folder["c.xml"]));
        Assert.NotEqual(a.Summary!.MaLk, b.Summary!.MaLk);
        Assert.Equal(b.Summary.MaLk, c.Summary!.MaLk);
        Assert.Equal(b.Summary.SoCccd, c.Summary.SoCccd);
    }

    [Fact]
    public async Task Unsigned_leaves_CHUKYDONVI_empty_and_needs_no_key()
    {
        var result = await Tool.RunAsync("sample-dossier", "--facility", "70001", "--unsigned", "--ma-lk", "LK-2025-0001", "--out", _folder["unsigned.xml"]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var bytes = File.ReadAllBytes(_folder["unsigned.xml"]);
        var dossier = ProductRules.AssertValidDossier(bytes);
        Assert.Equal("LK-2025-0001", dossier.Summary!.MaLk);
        Assert.Contains("<CHUKYDONVI></CHUKYDONVI>", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sample_check_in_is_a_valid_signed_XML0_of_the_same_episode_as_the_dossier_and_its_request_matches()
    {
        string[] episode = ["--facility", "70001", "--seed", "4", "--visit-type", "03", "--arrival", "2025-04-07T07:30"];
        var checkIn = await Tool.RunAsync(["sample-check-in", .. _signer.Arguments, .. episode, "--out", _folder["check-in.xml"]]);
        var dossier = await Tool.RunAsync(["sample-dossier", .. _signer.Arguments, .. episode, "--out", _folder["dossier.xml"]]);

        Assert.True(checkIn.ExitCode == ExitCodes.Ok, checkIn.ToString());
        Assert.True(dossier.ExitCode == ExitCodes.Ok, dossier.ToString());
        var bytes = File.ReadAllBytes(_folder["check-in.xml"]);
        var document = ProductRules.AssertValidCheckIn(bytes, "70001");
        ProductRules.AssertSignedBy(bytes, _signer.Certificate);
        var request = JsonParser.Default.Parse<CheckInRequest>(checkIn.Out);
        var summary = Read(_folder["dossier.xml"]).Summary!;
        var row = Assert.Single(document.Rows);
        Assert.Equal(request.MaLk, row.MaLk);
        Assert.Equal(summary.MaLk, request.MaLk);
        Assert.Equal("70001", request.FacilityCode);
        Assert.Equal("03", request.VisitType);
        Assert.Equal(summary.SoCccd, request.Patient.PersonalId);
        Assert.Equal(new DateTimeOffset(2025, 4, 7, 0, 30, 0, TimeSpan.Zero), request.ArrivalTime.ToDateTimeOffset());
        Assert.Equal(summary.NgayVao!.Value.Value, request.ArrivalTime.ToDateTimeOffset());
        Assert.Equal(15, request.Patient.InsuranceCard.Length);
    }

    private static Dossiers.Model.Dossier Read(string path) => ProductRules.AssertValidDossier(File.ReadAllBytes(path));

    /// <summary>One test certificate for the class, made with make-cert.</summary>
    public sealed class Signer : IAsyncLifetime
    {
        private readonly TempFolder _folder = new();

        public X509Certificate2 Certificate { get; private set; } = null!;

        public string[] Arguments => ["--key", _folder["signer.key"], "--cert", _folder["signer.crt"]];

        public async Task InitializeAsync()
        {
            var result = await Tool.RunAsync("make-cert", "--facility", "70001", "--key", _folder["signer.key"], "--cert", _folder["signer.crt"]);
            Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
            Certificate = X509Certificate2.CreateFromPem(Tool.Text(_folder["signer.crt"]));
        }

        public Task DisposeAsync()
        {
            Certificate.Dispose();
            _folder.Dispose();
            return Task.CompletedTask;
        }
    }
}
