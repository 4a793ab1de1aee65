using System.Text;
using SoSucKhoe.TestData;

namespace SoSucKhoe.Gateway.Tests;

/// <summary>
/// The emulator reads dossiers fast (the large base64 texts are cut out before the XML reader runs, XML1 is streamed): every
/// dossier must still get exactly the verdict and the facts of the plain reading (<see cref="ReferenceDossierInspector"/>).
/// Each case also states the expected outcome.
/// </summary>
public sealed class DossierInspectionTests
{
    private const string Facility = TestDocuments.Facility;
    private const string Person = TestDocuments.PersonId;
    private const string Card = "DN4707000012345";
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    private const string NotWellFormed = "not well-formed XML";
    private const string XmlOneMissing = "the XML1 table is missing";
    private const string NotBase64 = "NOIDUNGFILE of XML1 is not base64";
    private const string NoSummary = "XML1 holds no well-formed TONG_HOP";

    private static readonly string Xml1 = Table(Summary("LK-MAIN"));
    private static readonly string Fake = Table(Summary("LK-FAKE", person: TestDocuments.OtherPersonId));
    private static readonly string Drugs = Filler(6000, 1);
    private static readonly string Services = Filler(9000, 2);

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    private static Dictionary<string, (byte[] Document, string Expected)> Cases { get; } = BuildCases();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_fast_inspection_gives_the_verdict_and_facts_of_the_plain_reading(string name)
    {
        var (document, expected) = Cases[name];

        var fast = DocumentInspector.Inspect(ReceivedKind.Dossier, document, Facility);
        var reference = ReferenceDossierInspector.Inspect(document, Facility);

        Assert.Equal(reference.Error, fast.Error);
        Assert.Equal(reference.MaLk, fast.Facts?.MaLks.Single());
        Assert.Equal(reference.Person, fast.Facts?.PersonId);
        if (expected.StartsWith("LK-", StringComparison.Ordinal))
        {
            Assert.Null(fast.Error);
            Assert.Equal(expected, Assert.Single(fast.Facts!.MaLks));
        }
        else
        {
            Assert.Contains(expected, fast.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Large_base64_texts_are_cut_out_before_parsing_and_found_again_by_their_order()
    {
        var document = Bytes(Envelope(File("XML2", Drugs) + File("XML1", Xml1) + File("XML3", Services)));

        using var condensed = EnvelopeCondenser.Condense(document);

        Assert.NotNull(condensed);
        using var view = condensed.OpenRead();
        Assert.True(view.Length < document.Length - Drugs.Length - Services.Length);
        Assert.True(condensed.TryGetCut(1, out var xml1));
        Assert.Equal(Xml1, Encoding.ASCII.GetString(document.AsSpan(xml1)));
        Assert.False(condensed.TryGetCut(3, out _));
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-16\"?>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"windows-1258\"?>")]
    [InlineData("<!DOCTYPE GIAMDINHHS>")]
    public void Documents_not_plainly_UTF8_or_with_a_DOCTYPE_are_left_to_the_reader_whole(string prolog)
    {
        var document = Bytes(Envelope(File("XML2", Drugs) + File("XML1", Xml1), prolog: prolog));

        using var condensed = EnvelopeCondenser.Condense(document);

        Assert.Null(condensed);
    }

    [Fact]
    public void Signed_generated_dossiers_of_every_visit_type_are_read_like_the_plain_reading()
    {
        var province = new ProvinceGenerator(7, new ProvinceOptions { CitizenCount = 20 }).Generate();
        var factory = new DossierFactory(7);
        var facility = province.Facilities[0];
        var arrival = new DateTimeOffset(2025, 3, 10, 8, 15, 0, TimeSpan.FromHours(7));
        for (var i = 0; i < VisitTypes.All.Count; i++)
        {
            var dossier = factory.CreateEpisode(province.Citizens[i], facility, VisitTypes.All[i], arrival,
                new DossierOptions { DrugRows = 5 + i, ServiceRows = 3 + i }).Dossier;

            var fast = DocumentInspector.Inspect(ReceivedKind.Dossier, dossier.Signed, facility.Code);
            var reference = ReferenceDossierInspector.Inspect(dossier.Signed, facility.Code);

            Assert.Null(fast.Error);
            Assert.Equal(dossier.MaLk, Assert.Single(fast.Facts!.MaLks));
            Assert.Equal((reference.MaLk, reference.Person), (fast.Facts.MaLks[0], fast.Facts.PersonId));
        }
    }

    private static Dictionary<string, (byte[] Document, string Expected)> BuildCases()
    {
        var cases = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        void Add(string name, string envelope, string expected) => cases.Add(name, (Bytes(envelope), expected));
        var xml1 = File("XML1", Xml1);

        // Accepted shapes.
        Add("plain", Envelope(File("XML2", Drugs) + xml1 + File("XML3", Services)), "LK-MAIN");
        Add("NOIDUNGFILE before LOAIHOSO", Envelope(
            File("XML2", Drugs) + $"<FILEHOSO><NOIDUNGFILE>{Xml1}</NOIDUNGFILE><LOAIHOSO>XML1</LOAIHOSO></FILEHOSO>"), "LK-MAIN");
        Add("base64 with CRLF line breaks", Envelope(File("XML2", Lines(Drugs, "\r\n")) + File("XML1", Lines(Xml1, "\r\n"))), "LK-MAIN");
        Add("base64 with LF line breaks and indentation", Envelope(File("XML1", "\n  " + Lines(Xml1, "\n  ") + "\n")), "LK-MAIN");
        Add("entity-escaped base64", Envelope(
            File("XML2", Drugs) + File("XML1", "&#x" + ((int)Xml1[0]).ToString("X", null) + ";" + Lines(Xml1[1..], "&#10;"))), "LK-MAIN");
        Add("CDATA base64", Envelope(File("XML2", Drugs) + File("XML1", $"<![CDATA[{Xml1}]]>")), "LK-MAIN");
        Add("a NOIDUNGFILE inside a comment", Envelope(
            $"<!-- {File("XML1", Fake)} -->" + File("XML2", Drugs) + xml1), "LK-MAIN");
        Add("a NOIDUNGFILE inside a processing instruction", Envelope(
            $"<?ghichu <NOIDUNGFILE>{Fake}</NOIDUNGFILE> ?>" + File("XML2", Drugs) + xml1), "LK-MAIN");
        Add("a NOIDUNGFILE inside a CDATA section", Envelope(
            $"<GHI_CHU><![CDATA[<NOIDUNGFILE>{Fake}</NOIDUNGFILE>]]></GHI_CHU>" + File("XML2", Drugs) + xml1), "LK-MAIN");
        Add("a prefixed NOIDUNGFILE", Envelope(
            File("XML2", Drugs)
            + $"<FILEHOSO xmlns:p=\"urn:x\"><LOAIHOSO>XML1</LOAIHOSO><p:NOIDUNGFILE>{Xml1}</p:NOIDUNGFILE></FILEHOSO>"
            + File("XML3", Services)), "LK-MAIN");
        Add("a NOIDUNGFILE with an attribute", Envelope(
            File("XML2", Drugs) + $"<FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE kieu=\"b64\">{Xml1}</NOIDUNGFILE></FILEHOSO>"), "LK-MAIN");
        Add("NOIDUNGFILE nested in skipped elements and outside FILEHOSO", Envelope(
            $"<NOIDUNGFILE>{Fake}</NOIDUNGFILE>"
            + $"<FILEHOSO><LOAIHOSO>XML2</LOAIHOSO><PHU_LUC><NOIDUNGFILE>{Fake}</NOIDUNGFILE></PHU_LUC><NOIDUNGFILE>{Drugs}</NOIDUNGFILE></FILEHOSO>"
            + xml1), "LK-MAIN");
        Add("empty NOIDUNGFILE elements before", Envelope(
            "<FILEHOSO><LOAIHOSO>XML7</LOAIHOSO><NOIDUNGFILE/></FILEHOSO><FILEHOSO><LOAIHOSO>XML8</LOAIHOSO><NOIDUNGFILE></NOIDUNGFILE></FILEHOSO>"
            + File("XML2", Drugs) + xml1), "LK-MAIN");
        Add("an XML1 without content then one with", Envelope(
            "<FILEHOSO><LOAIHOSO>XML1</LOAIHOSO></FILEHOSO>" + File("XML2", Drugs) + xml1), "LK-MAIN");
        Add("two XML1 tables: the first counts", Envelope(xml1 + File("XML1", Fake)), "LK-MAIN");
        Add("end tag with white space", Envelope(
            File("XML2", Drugs) + $"<FILEHOSO><LOAIHOSO> XML1 </LOAIHOSO><NOIDUNGFILE>{Xml1}</NOIDUNGFILE\n></FILEHOSO>"), "LK-MAIN");
        Add("UTF-8 BOM", "\uFEFF" + Envelope(File("XML2", Drugs) + xml1), "LK-MAIN");
        Add("no XML declaration", Envelope(File("XML2", Drugs) + xml1, prolog: string.Empty), "LK-MAIN");
        Add("declared in another ASCII-compatible encoding", Envelope(
            File("XML2", Drugs) + xml1, prolog: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"), "LK-MAIN");
        Add("envelope facility in CDATA", Envelope(File("XML2", Drugs) + xml1, facility: $"<![CDATA[{Facility}]]>"), "LK-MAIN");
        Add("summary nested under another root", Envelope(File("XML1", Table(
            $"<GIAMDINHBHYT><DSACH><TONG_HOP><MA_LK>LK-NESTED</MA_LK><SO_CCCD>{Person}</SO_CCCD><MA_CSKCB>{Facility}</MA_CSKCB>"
            + $"<GHI_CHU>{new string('x', 200)}</GHI_CHU></TONG_HOP></DSACH><TONG_HOP><MA_LK>LK-SECOND</MA_LK></TONG_HOP></GIAMDINHBHYT>"))),
            "LK-NESTED");
        Add("fields with CDATA, nested text and repeats", Envelope(File("XML1", Table(
            $"<TONG_HOP><MA_LK> <![CDATA[LK-]]><X>CD</X>ATA </MA_LK><MA_LK>LK-REPEAT</MA_LK><SO_CCCD></SO_CCCD><SO_CCCD>{Person}</SO_CCCD>"
            + $"<MA_THE_BHYT>{Card}</MA_THE_BHYT><CHI_TIET><MA_CSKCB>99999</MA_CSKCB></CHI_TIET><GHI_CHU>{new string('y', 200)}</GHI_CHU></TONG_HOP>"))),
            "LK-CDATA");
        Add("card number when no personal ID", Envelope(File("XML1", Table(Summary("LK-CARD", person: string.Empty)))), "LK-CARD");

        // Refusals.
        Add("wrong root", $"<HOSO>{File("XML1", Xml1)}</HOSO>", "wrong root HOSO");
        Add("a NOIDUNGFILE as root", $"<NOIDUNGFILE>{Xml1}</NOIDUNGFILE>", "wrong root NOIDUNGFILE");
        Add("envelope facility mismatch", Envelope(File("XML2", Drugs) + xml1, facility: TestDocuments.OtherFacility),
            "the envelope MACSKCB does not match");
        Add("no XML1", Envelope(File("XML2", Drugs) + File("XML3", Services)), XmlOneMissing);
        Add("white-space XML1", Envelope(File("XML1", new string(' ', 150) + "\r\n" + new string('\t', 50))), XmlOneMissing);
        Add("XML1 with a character outside base64", Envelope(File("XML2", Drugs) + File("XML1", Xml1[..40] + "*" + Xml1[40..])), NotBase64);
        Add("XML1 base64 cut short", Envelope(File("XML2", Drugs) + File("XML1", Xml1[..^1])), NotBase64);
        Add("XML1 base64 with padding inside", Envelope(File("XML1", Xml1[..100] + "=" + Xml1[101..])), NotBase64);
        Add("XML1 base64 cut short with line breaks", Envelope(File("XML1", Lines(Xml1[..^2], "\r\n"))), NotBase64);
        Add("XML1 not XML", Envelope(File("XML1", Convert.ToBase64String(new byte[300])) + File("XML2", Drugs)), NoSummary);
        Add("XML1 not well-formed", Envelope(File("XML1", Table(Summary("LK-BROKEN") + "<TONG_HOP>"))), NoSummary);
        Add("XML1 without TONG_HOP", Envelope(File("XML1", Table($"<DSACH><HO_SO><MA_LK>LK-X</MA_LK>{new string('z', 200)}</HO_SO></DSACH>"))), NoSummary);
        Add("XML1 with a DOCTYPE", Envelope(File("XML1", Table("<!DOCTYPE TONG_HOP>" + Summary("LK-DTD"), declaration: true))), NoSummary);
        Add("MA_LK empty", Envelope(File("XML1", Table(Summary(" ")))), "MA_LK is missing in XML1");
        Add("MA_LK only deeper down", Envelope(File("XML1", Table(
            $"<TONG_HOP><CHI_TIET><MA_LK>LK-DEEP</MA_LK></CHI_TIET><GHI_CHU>{new string('w', 200)}</GHI_CHU></TONG_HOP>"))),
            "MA_LK is missing in XML1");
        Add("XML1 of another facility", Envelope(File("XML1", Table(Summary("LK-OTHER", facility: TestDocuments.OtherFacility)))),
            "MA_CSKCB of XML1 does not match");

        var whole = Envelope(File("XML2", Drugs) + xml1 + File("XML3", Services));
        Add("truncated inside a base64 text", whole[..(whole.IndexOf(Drugs, StringComparison.Ordinal) + 500)], NotWellFormed);
        Add("mismatched tag after the cut texts", Envelope(File("XML2", Drugs) + xml1 + File("XML3", Services)).Replace(
            "</HOSO>", "</HOSOX>", StringComparison.Ordinal), NotWellFormed);
        Add("child element inside an XML1 NOIDUNGFILE", Envelope(
            $"<FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>{Xml1}<X/></NOIDUNGFILE></FILEHOSO>"), NotWellFormed);
        Add("a tag inside an attribute", Envelope(
            $"<GHI_CHU a=\"<NOIDUNGFILE>{Fake}</NOIDUNGFILE>\"/>" + File("XML2", Drugs) + xml1), NotWellFormed);
        Add("an unterminated comment", Envelope(
            "<!-- " + File("XML2", Drugs) + xml1), NotWellFormed);
        Add("a DOCTYPE", Envelope(File("XML2", Drugs) + xml1, prolog: Declaration + "<!DOCTYPE GIAMDINHHS>"), NotWellFormed);
        Add("declared UTF-16 but written in UTF-8", Envelope(
            File("XML2", Drugs) + xml1, prolog: "<?xml version=\"1.0\" encoding=\"utf-16\"?>"), NotWellFormed);
        Add("a second root after the envelope", Envelope(File("XML2", Drugs) + xml1) + $"<NOIDUNGFILE>{Drugs}</NOIDUNGFILE>", NotWellFormed);
        Add("double hyphen in a comment", Envelope(
            "<!-- a -- b -->" + File("XML2", Drugs) + xml1), NotWellFormed);

        // UTF-16 documents are read whole.
        cases.Add("UTF-16 document", (
            [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(
                Envelope(File("XML2", Drugs) + xml1, prolog: "<?xml version=\"1.0\" encoding=\"utf-16\"?>"))],
            "LK-MAIN"));
        return cases;
    }

    private static string Envelope(string files, string facility = Facility, string prolog = Declaration) =>
        $"{prolog}<GIAMDINHHS xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><THONGTINDONVI><MACSKCB>{facility}</MACSKCB></THONGTINDONVI>"
        + "<THONGTINHOSO><NGAYLAP>20250115</NGAYLAP><SOLUONGHOSO>1</SOLUONGHOSO><DANHSACHHOSO><HOSO>"
        + files
        + "</HOSO></DANHSACHHOSO></THONGTINHOSO><CHUKYDONVI/></GIAMDINHHS>";

    private static string File(string type, string content) =>
        $"<FILEHOSO><LOAIHOSO>{type}</LOAIHOSO><NOIDUNGFILE>{content}</NOIDUNGFILE></FILEHOSO>";

    private static string Summary(string maLk, string facility = Facility, string person = Person) =>
        $"<TONG_HOP><MA_LK>{maLk}</MA_LK><STT>1</STT><HO_TEN>Nguyễn Văn Thử</HO_TEN><SO_CCCD>{person}</SO_CCCD>"
        + $"<MA_THE_BHYT>{Card}</MA_THE_BHYT><MA_BENH_CHINH>J06.9</MA_BENH_CHINH><MA_CSKCB>{facility}</MA_CSKCB></TONG_HOP>";

    private static string Table(string xml, bool declaration = false) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes((declaration ? Declaration : string.Empty) + xml));

    /// <summary>Deterministic base64 of <paramref name="bytes"/> pseudo-random bytes (it holds '+', '/' and padding).</summary>
    private static string Filler(int bytes, int seed)
    {
        var data = new byte[bytes];
        new Random(seed).NextBytes(data);
        return Convert.ToBase64String(data[..^1]);
    }

    private static string Lines(string base64, string separator) => string.Join(separator, base64.Chunk(76).Select(c => new string(c)));

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
