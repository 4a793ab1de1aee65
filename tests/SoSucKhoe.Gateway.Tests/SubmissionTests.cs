using System.Security.Cryptography;
using System.Text;

namespace SoSucKhoe.Gateway.Tests;

public sealed class SubmissionTests
{
    [Fact]
    public async Task A_check_in_is_acknowledged_with_a_receipt_in_Vietnam_time()
    {
        await using var bed = await GatewayTestBed.StartAsync();
        var before = DateTimeOffset.UtcNow;

        var result = await bed.Client.SendCheckInAsync(bed.Submission(TestDocuments.CheckIn("LK-CI-1")), CancellationToken.None);

        Assert.Equal(GatewayOutcome.Acknowledged, result.Outcome);
        Assert.Equal("200", result.MaKetQua);
        Assert.False(string.IsNullOrWhiteSpace(result.MaGiaoDich));
        Assert.Matches("^[0-9]{14}$", result.ThoiGianTiepNhanRaw);
        Assert.NotNull(result.ThoiGianTiepNhan);
        Assert.Equal(TimeSpan.FromHours(7), result.ThoiGianTiepNhan!.Value.Offset);
        Assert.InRange(result.ThoiGianTiepNhan.Value, before.AddSeconds(-2), DateTimeOffset.UtcNow.AddSeconds(2));
        Assert.Equal(1, result.Attempts);
        Assert.Null(result.Error);

        var item = Assert.Single(await bed.ReceivedAsync());
        Assert.Equal(ReceivedKind.CheckIn, item.Kind);
        Assert.Equal("LK-CI-1", item.MaLk);
        Assert.Equal(TestDocuments.Facility, item.MaCskcb);
        Assert.Equal(result.MaGiaoDich, item.MaGiaoDich);
        Assert.Equal(result.ThoiGianTiepNhanRaw, item.ThoiGianTiepNhan);
    }

    [Fact]
    public async Task A_dossier_is_acknowledged_and_every_receipt_is_unique()
    {
        await using var bed = await GatewayTestBed.StartAsync();

        var results = new List<GatewayResult>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier($"LK-D-{i}")), CancellationToken.None));
        }

        Assert.All(results, r => Assert.Equal(GatewayOutcome.Acknowledged, r.Outcome));
        Assert.Equal(5, results.Select(r => r.MaGiaoDich).Distinct().Count());
        var stats = await bed.StatsAsync();
        Assert.Equal(5, stats.Dossiers);
        Assert.Equal(5, stats.DistinctDossiers);
        Assert.Equal(0, stats.CheckIns);
    }

    [Fact]
    public async Task The_document_bytes_reach_the_gateway_unchanged()
    {
        await using var bed = await GatewayTestBed.StartAsync();
        var document = DocumentWhoseBase64NeedsEscaping();

        var result = await bed.Client.SendDossierAsync(bed.Submission(document), CancellationToken.None);

        Assert.Equal(GatewayOutcome.Acknowledged, result.Outcome);
        var item = Assert.Single(await bed.ReceivedAsync());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(document)), item.ContentSha256);
        Assert.Equal(document.Length, item.Size);
    }

    [Fact]
    public async Task A_facility_code_that_does_not_match_the_envelope_is_rejected_with_the_gateway_message()
    {
        await using var bed = await GatewayTestBed.StartAsync();
        var document = TestDocuments.Dossier("LK-WRONG-FAC", envelopeFacility: TestDocuments.OtherFacility);

        var result = await bed.Client.SendDossierAsync(bed.Submission(document), CancellationToken.None);

        Assert.Equal(GatewayOutcome.Rejected, result.Outcome);
        Assert.Equal("400", result.MaKetQua);
        Assert.Contains("MACSKCB", result.ThongDiep, StringComparison.Ordinal);
        Assert.Equal(1, result.Attempts);
        var stats = await bed.StatsAsync();
        Assert.Equal(0, stats.Received);
        Assert.Equal(1, stats.Rejected);
    }

    [Fact]
    public async Task A_check_in_whose_rows_name_another_facility_is_rejected()
    {
        await using var bed = await GatewayTestBed.StartAsync();

        var result = await bed.Client.SendCheckInAsync(
            bed.Submission(TestDocuments.CheckIn("LK-CI-FAC", facility: TestDocuments.OtherFacility)), CancellationToken.None);

        Assert.Equal(GatewayOutcome.Rejected, result.Outcome);
        Assert.Contains("MA_CSKCB", result.ThongDiep, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_business_rejection_keeps_the_code_and_message_and_is_not_retried()
    {
        await using var bed = await GatewayTestBed.StartAsync(emulator: o => o.Faults.RejectRate = 1.0);

        var result = await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier("LK-REJ")), CancellationToken.None);

        Assert.Equal(GatewayOutcome.Rejected, result.Outcome);
        Assert.NotEqual("200", result.MaKetQua);
        Assert.False(string.IsNullOrWhiteSpace(result.ThongDiep));
        Assert.Equal(1, result.Attempts);
        var stats = await bed.StatsAsync();
        Assert.Equal(1, stats.Rejected);
        Assert.Equal(0, stats.Received);
    }

    [Fact]
    public async Task A_dossier_sent_to_the_check_in_service_is_rejected_for_its_root()
    {
        await using var bed = await GatewayTestBed.StartAsync();

        var result = await bed.Client.SendCheckInAsync(bed.Submission(TestDocuments.Dossier("LK-ROOT")), CancellationToken.None);

        Assert.Equal(GatewayOutcome.Rejected, result.Outcome);
        Assert.Contains("CHI_TIEU_TRANG_THAI_KCB", result.ThongDiep, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_XML_and_documents_with_a_DTD_are_rejected()
    {
        await using var bed = await GatewayTestBed.StartAsync();
        var malformed = Encoding.UTF8.GetBytes("<GIAMDINHHS><THONGTINDONVI></GIAMDINHHS>");
        var withDtd = Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><!DOCTYPE GIAMDINHHS [<!ENTITY x \"70001\">]><GIAMDINHHS><THONGTINDONVI><MACSKCB>&x;</MACSKCB></THONGTINDONVI></GIAMDINHHS>");

        var first = await bed.Client.SendDossierAsync(bed.Submission(malformed), CancellationToken.None);
        var second = await bed.Client.SendDossierAsync(bed.Submission(withDtd), CancellationToken.None);

        Assert.Equal(GatewayOutcome.Rejected, first.Outcome);
        Assert.Equal(GatewayOutcome.Rejected, second.Outcome);
        Assert.Equal(0, (await bed.StatsAsync()).Received);
    }

    [Fact]
    public async Task A_dossier_without_an_XML1_table_is_rejected()
    {
        await using var bed = await GatewayTestBed.StartAsync();
        var document = Encoding.UTF8.GetString(TestDocuments.Dossier("LK-NO-XML1")).Replace("<LOAIHOSO>XML1</LOAIHOSO>", "<LOAIHOSO>XML2</LOAIHOSO>", StringComparison.Ordinal);

        var result = await bed.Client.SendDossierAsync(bed.Submission(Encoding.UTF8.GetBytes(document)), CancellationToken.None);

        Assert.Equal(GatewayOutcome.Rejected, result.Outcome);
        Assert.Contains("XML1", result.ThongDiep, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_XML1_table_is_found_whatever_the_order_of_LOAIHOSO_and_NOIDUNGFILE()
    {
        await using var bed = await GatewayTestBed.StartAsync();
        var text = Encoding.UTF8.GetString(TestDocuments.Dossier("LK-ORDERED"));
        var start = text.IndexOf("<LOAIHOSO>XML1</LOAIHOSO>", StringComparison.Ordinal);
        var reordered = text.Remove(start, "<LOAIHOSO>XML1</LOAIHOSO>".Length)
            .Replace("</NOIDUNGFILE>", "</NOIDUNGFILE><LOAIHOSO>XML1</LOAIHOSO>", StringComparison.Ordinal);

        var result = await bed.Client.SendDossierAsync(bed.Submission(Encoding.UTF8.GetBytes(reordered)), CancellationToken.None);

        Assert.Equal(GatewayOutcome.Acknowledged, result.Outcome);
        Assert.Equal("LK-ORDERED", Assert.Single(await bed.ReceivedAsync()).MaLk);
    }

    [Fact]
    public async Task Paths_and_loaiHoSo_come_from_configuration()
    {
        await using var bed = await GatewayTestBed.StartAsync(
            emulator: o =>
            {
                o.Standards["3176"].DossierPath = "api/hub-tinh/guiHoSoXml";
                o.DossierLoaiHoSo = "3176";
            },
            client: o =>
            {
                o.Endpoints["3176"].DossierPath = "api/hub-tinh/guiHoSoXml";
                o.LoaiHoSoDossier = "3176";
            });

        var result = await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier("LK-3176"), standard: "3176"), CancellationToken.None);

        Assert.Equal(GatewayOutcome.Acknowledged, result.Outcome);
        Assert.Equal("3176", Assert.Single(await bed.ReceivedAsync()).Standard);
    }

    /// <summary>A dossier whose base64 holds '+', '/' and '=' (the characters a form body must escape).</summary>
    private static byte[] DocumentWhoseBase64NeedsEscaping()
    {
        for (var padding = 0; padding < 64; padding++)
        {
            var document = TestDocuments.Dossier("LK-BYTES", envelopeComment: new string(' ', padding) + "ễ ổ ?>?>?> ÿþ ~~~");
            var base64 = Convert.ToBase64String(document);
            if (base64.Contains('+') && base64.Contains('/') && base64.EndsWith('='))
            {
                return document;
            }
        }

        throw new InvalidOperationException("No padding gave a base64 with '+', '/' and '='.");
    }
}
