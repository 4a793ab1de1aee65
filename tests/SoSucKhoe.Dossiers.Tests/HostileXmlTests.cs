using System.Text;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Tests.Support;

namespace SoSucKhoe.Dossiers.Tests;

/// <summary>Hostile or broken input never throws: each gives its violation.</summary>
public sealed class HostileXmlTests
{
    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        ]>
        <GIAMDINHHS>&lol4;</GIAMDINHHS>
        """;

    private static Violation SingleEnvelopeFailure(byte[] document, DossierReaderOptions? options = null)
    {
        var result = DossierReader.ReadDossier(document, options ?? DossierReaderOptions.Default);
        Assert.Null(result.Dossier);
        return Assert.Single(result.Violations);
    }

    private static Violation SingleTableFailure(string loai, byte[] table, DossierReaderOptions? options = null)
    {
        var builder = new EnvelopeBuilder().Table("XML1", TableXml.Single("XML1", Fixtures.Xml1()));
        if (loai != "XML1")
        {
            builder.TableBytes(loai, table);
        }
        else
        {
            builder.Without("XML1").TableBytes("XML1", table);
        }

        var result = DossierReader.ReadDossier(builder.Build(), options ?? DossierReaderOptions.Default);
        Assert.NotNull(result.Dossier);
        Assert.False(result.Dossier.HasTable(loai));
        return Assert.Single(result.Violations);
    }

    [Fact]
    public void Billion_laughs_in_the_envelope_is_refused_as_a_DTD()
    {
        var v = SingleEnvelopeFailure(Encoding.UTF8.GetBytes(BillionLaughs));
        Assert.Equal(("ENVELOPE", "GIAMDINHHS", "xml_dtd"), (v.Table, v.Field, v.Rule));
    }

    [Fact]
    public void External_entity_in_the_envelope_is_refused_without_resolving_it()
    {
        var xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE GIAMDINHHS [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <GIAMDINHHS><THONGTINDONVI><MACSKCB>&xxe;</MACSKCB></THONGTINDONVI></GIAMDINHHS>
            """;
        var v = SingleEnvelopeFailure(Encoding.UTF8.GetBytes(xxe));
        Assert.Equal("xml_dtd", v.Rule);
        Assert.DoesNotContain("root:", v.Message);
    }

    [Fact]
    public void External_DTD_reference_is_refused()
    {
        var v = SingleEnvelopeFailure(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE GIAMDINHHS SYSTEM \"http://127.0.0.1:9/x.dtd\"><GIAMDINHHS/>"));
        Assert.Equal("xml_dtd", v.Rule);
    }

    [Fact]
    public void DTD_inside_an_inner_table_is_refused_for_that_table_only()
    {
        var inner = "<?xml version=\"1.0\"?><!DOCTYPE CHITIEU_CHITIET_THUOC [<!ENTITY x SYSTEM \"file:///etc/hosts\">]><CHITIEU_CHITIET_THUOC>&x;</CHITIEU_CHITIET_THUOC>";
        var v = SingleTableFailure("XML2", Encoding.UTF8.GetBytes(inner));
        Assert.Equal(("XML2", "NOIDUNGFILE", "xml_dtd"), (v.Table, v.Field, v.Rule));
    }

    [Fact]
    public void Billion_laughs_inside_an_inner_table_is_refused()
    {
        var inner = BillionLaughs.Replace("GIAMDINHHS", "TONG_HOP");
        var v = SingleTableFailure("XML1", Encoding.UTF8.GetBytes(inner));
        Assert.Equal(("XML1", "NOIDUNGFILE", "xml_dtd"), (v.Table, v.Field, v.Rule));
    }

    [Fact]
    public void Envelope_deeper_than_the_limit_is_refused()
    {
        var deep = new StringBuilder("<GIAMDINHHS><THONGTINDONVI>");
        for (var i = 0; i < 40; i++)
        {
            deep.Append("<X>");
        }

        for (var i = 0; i < 40; i++)
        {
            deep.Append("</X>");
        }

        deep.Append("</THONGTINDONVI></GIAMDINHHS>");
        var result = DossierReader.ReadDossier(Encoding.UTF8.GetBytes(deep.ToString()), DossierReaderOptions.Default);
        Assert.Null(result.Dossier);
        var v = Assert.Single(result.Violations, x => x.Rule == "xml_limits");
        Assert.Equal(("ENVELOPE", "GIAMDINHHS"), (v.Table, v.Field));
        Assert.Contains("32", v.Message);
    }

    [Fact]
    public void Inner_table_deeper_than_the_limit_is_refused()
    {
        var options = new DossierReaderOptions { MaxDepth = 8 };
        var inner = "<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC><CHI_TIET_THUOC><MA_LK>" + string.Concat(Enumerable.Repeat("<A>", 6))
            + string.Concat(Enumerable.Repeat("</A>", 6)) + "</MA_LK></CHI_TIET_THUOC></DSACH_CHI_TIET_THUOC></CHITIEU_CHITIET_THUOC>";
        var v = SingleTableFailure("XML2", Encoding.UTF8.GetBytes(inner), options);
        Assert.Equal(("XML2", "NOIDUNGFILE", "xml_limits"), (v.Table, v.Field, v.Rule));
    }

    [Fact]
    public void Too_many_elements_in_the_envelope_are_refused()
    {
        var options = new DossierReaderOptions { MaxElements = 50 };
        var v = SingleEnvelopeFailure(new EnvelopeBuilder { Signature = "<CHUKYDONVI>" + string.Concat(Enumerable.Repeat("<E/>", 60)) + "</CHUKYDONVI>" }.Build(), options);
        Assert.Equal(("ENVELOPE", "GIAMDINHHS", "xml_limits"), (v.Table, v.Field, v.Rule));
    }

    [Fact]
    public void Too_many_elements_in_an_inner_table_are_refused()
    {
        var options = new DossierReaderOptions { MaxElements = 100 };
        var rows = Enumerable.Range(1, 10).Select(Fixtures.Xml2Row).ToArray();
        var v = SingleTableFailure("XML2", Encoding.UTF8.GetBytes(TableXml.List("XML2", rows)), options);
        Assert.Equal(("XML2", "NOIDUNGFILE", "xml_limits"), (v.Table, v.Field, v.Rule));
    }

    [Fact]
    public void Document_over_the_byte_limit_is_refused_before_parsing()
    {
        var options = new DossierReaderOptions { MaxDocumentBytes = 1024 };
        var v = SingleEnvelopeFailure(Fixtures.Outpatient().Build(), options);
        Assert.Equal(("ENVELOPE", "GIAMDINHHS", "xml_limits"), (v.Table, v.Field, v.Rule));
    }

    [Fact]
    public void Document_over_the_character_limit_is_refused()
    {
        var options = new DossierReaderOptions { MaxCharactersInDocument = 500 };
        var v = SingleEnvelopeFailure(Fixtures.Outpatient().Build(), options);
        Assert.Equal("xml_limits", v.Rule);
    }

    [Fact]
    public void Invalid_base64_is_reported_on_its_table()
    {
        var builder = new EnvelopeBuilder().Table("XML1", TableXml.Single("XML1", Fixtures.Xml1())).RawContent("XML2", "not*base64!");
        var result = DossierReader.ReadDossier(builder.Build(), DossierReaderOptions.Default);
        var v = Assert.Single(result.Violations);
        Assert.Equal(("XML2", "NOIDUNGFILE", "base64"), (v.Table, v.Field, v.Rule));
        Assert.NotNull(result.Dossier!.Summary);
        Assert.False(result.Dossier.HasFile("XML2"));
    }

    [Fact]
    public void Empty_table_content_is_required()
    {
        var result = DossierReader.ReadDossier(new EnvelopeBuilder().RawContent("XML1", "").Build(), DossierReaderOptions.Default);
        Assert.Contains(result.Violations, v => (v.Table, v.Field, v.Rule) == ("XML1", "NOIDUNGFILE", "required"));
    }

    [Fact]
    public void Truncated_envelope_is_malformed()
    {
        var bytes = Fixtures.Outpatient().Build();
        var v = SingleEnvelopeFailure(bytes[..(bytes.Length / 2)]);
        Assert.Equal(("ENVELOPE", "GIAMDINHHS", "xml_malformed"), (v.Table, v.Field, v.Rule));
        Assert.Contains("line", v.Message);
    }

    [Fact]
    public void Truncated_inner_table_is_malformed()
    {
        var xml = Encoding.UTF8.GetBytes(TableXml.List("XML2", [Fixtures.Xml2Row(1)]));
        var v = SingleTableFailure("XML2", xml[..(xml.Length - 30)]);
        Assert.Equal(("XML2", "NOIDUNGFILE", "xml_malformed"), (v.Table, v.Field, v.Rule));
    }

    [Fact]
    public void Trailing_garbage_after_the_root_is_malformed()
    {
        var xml = TableXml.Single("XML1", Fixtures.Xml1()) + "<TONG_HOP/>";
        var v = SingleTableFailure("XML1", Encoding.UTF8.GetBytes(xml));
        Assert.Equal(("XML1", "NOIDUNGFILE", "xml_malformed"), (v.Table, v.Field, v.Rule));
    }

    [Fact]
    public void Non_XML_bytes_are_malformed()
    {
        var v = SingleEnvelopeFailure("{\"json\": true}"u8.ToArray());
        Assert.Equal("xml_malformed", v.Rule);
    }

    [Fact]
    public void Empty_document_is_malformed()
    {
        var v = SingleEnvelopeFailure([]);
        Assert.Equal("xml_malformed", v.Rule);
        var checkIn = DossierReader.ReadCheckIn(Array.Empty<byte>(), DossierReaderOptions.Default);
        Assert.Null(checkIn.Document);
        Assert.Equal("xml_malformed", Assert.Single(checkIn.Violations).Rule);
    }

    [Fact]
    public void Non_UTF8_encoding_declaration_on_the_envelope_is_refused()
    {
        var text = Fixtures.Outpatient().BuildString().Replace("encoding=\"utf-8\"", "encoding=\"ISO-8859-1\"");
        var v = SingleEnvelopeFailure(Encoding.UTF8.GetBytes(text));
        Assert.Equal(("ENVELOPE", "GIAMDINHHS", "encoding"), (v.Table, v.Field, v.Rule));
        Assert.Contains("'ISO-8859-1'", v.Message);
    }

    [Fact]
    public void Unknown_encoding_declaration_on_an_inner_table_is_refused()
    {
        var xml = TableXml.Single("XML1", Fixtures.Xml1()).Replace("encoding=\"utf-8\"", "encoding=\"x-nonsense\"");
        var v = SingleTableFailure("XML1", Encoding.UTF8.GetBytes(xml));
        Assert.Equal(("XML1", "NOIDUNGFILE", "encoding"), (v.Table, v.Field, v.Rule));
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_are_refused()
    {
        var latin1 = Encoding.Latin1.GetBytes(TableXml.Single("XML1", Fixtures.Xml1()).Replace("Nguyễn Văn An", "Nguyen Vân An"));
        var v = SingleTableFailure("XML1", latin1);
        Assert.Equal(("XML1", "NOIDUNGFILE", "encoding"), (v.Table, v.Field, v.Rule));
    }

    [Fact]
    public void UTF16_document_is_refused()
    {
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Fixtures.Outpatient().BuildString().Replace("utf-8", "utf-16"))).ToArray();
        var v = SingleEnvelopeFailure(utf16);
        Assert.Equal("encoding", v.Rule);
    }

    [Fact]
    public void UTF8_byte_order_mark_is_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Fixtures.Outpatient().Build()).ToArray();
        var result = DossierReader.ReadDossier(bytes, DossierReaderOptions.Default);
        Assert.Empty(result.Violations);
    }

    [Fact]
    public void Duplicate_LOAIHOSO_is_reported_and_the_first_table_kept()
    {
        var builder = Fixtures.Outpatient().Table("XML2", TableXml.List("XML2", [Fixtures.Xml2Row(9)]));
        var result = DossierReader.ReadDossier(builder.Build(), DossierReaderOptions.Default);
        var v = Assert.Single(result.Violations);
        Assert.Equal(("XML2", "LOAIHOSO", "duplicate_table"), (v.Table, v.Field, v.Rule));
        Assert.Equal(2, result.Dossier!.Drugs.Count);
    }

    [Fact]
    public void Missing_XML1_is_reported()
    {
        var result = DossierReader.ReadDossier(Fixtures.Outpatient().Without("XML1").Build(), DossierReaderOptions.Default);
        var v = Assert.Single(result.Violations);
        Assert.Equal(("XML1", "LOAIHOSO", "table_presence"), (v.Table, v.Field, v.Rule));
        Assert.Null(result.Dossier!.MaLk);
    }

    [Fact]
    public void XML12_is_forbidden()
    {
        var result = DossierReader.ReadDossier(Fixtures.Outpatient().Table("XML12", "<GIAM_DINH/>").Build(), DossierReaderOptions.Default);
        var v = Assert.Single(result.Violations);
        Assert.Equal(("XML12", "LOAIHOSO", "table_forbidden"), (v.Table, v.Field, v.Rule));
        Assert.False(result.Dossier!.HasFile("XML12"));
    }

    [Fact]
    public void Unknown_LOAIHOSO_is_reported_with_its_position()
    {
        var result = DossierReader.ReadDossier(Fixtures.Outpatient().Table("XML16", "<X/>").Build(), DossierReaderOptions.Default);
        var v = Assert.Single(result.Violations);
        Assert.Equal(("ENVELOPE", "FILEHOSO[6].LOAIHOSO", "unknown_table"), (v.Table, v.Field, v.Rule));
        Assert.Contains("'XML16'", v.Message);
    }

    [Fact]
    public void Inner_table_with_the_wrong_root_is_reported()
    {
        var v = SingleTableFailure("XML2", Encoding.UTF8.GetBytes(TableXml.List("XML3", [Fixtures.Xml3Row(1)])));
        Assert.Equal(("XML2", "CHITIEU_CHITIET_THUOC", "table_root"), (v.Table, v.Field, v.Rule));
    }

    [Fact]
    public void Wrong_envelope_root_gives_no_dossier()
    {
        var v = SingleEnvelopeFailure("<HOSO><X/></HOSO>"u8.ToArray());
        Assert.Equal(("ENVELOPE", "GIAMDINHHS", "envelope_structure"), (v.Table, v.Field, v.Rule));
    }

    [Fact]
    public void Hostile_check_in_documents_never_throw()
    {
        var dtd = DossierReader.ReadCheckIn(Encoding.UTF8.GetBytes(BillionLaughs.Replace("GIAMDINHHS", "CHI_TIEU_TRANG_THAI_KCB")), DossierReaderOptions.Default);
        Assert.Null(dtd.Document);
        Assert.Equal(("XML0", "CHI_TIEU_TRANG_THAI_KCB", "xml_dtd"), (dtd.Violations[0].Table, dtd.Violations[0].Field, dtd.Violations[0].Rule));

        var truncated = Fixtures.CheckIn();
        var broken = DossierReader.ReadCheckIn(truncated[..(truncated.Length - 10)], DossierReaderOptions.Default);
        Assert.Equal("xml_malformed", Assert.Single(broken.Violations).Rule);

        var wrongRoot = DossierReader.ReadCheckIn(Encoding.UTF8.GetBytes(TableXml.Single("XML1", Fixtures.Xml1())), DossierReaderOptions.Default);
        Assert.Equal("table_root", Assert.Single(wrongRoot.Violations).Rule);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(1245);
        var valid = Fixtures.Outpatient().Build();
        for (var i = 0; i < 200; i++)
        {
            var mutated = valid.ToArray();
            for (var j = 0; j < 5; j++)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            var result = DossierReader.ReadDossier(mutated, DossierReaderOptions.Default);
            Assert.True(result.Dossier is not null || result.Violations.Count > 0);
        }
    }
}
