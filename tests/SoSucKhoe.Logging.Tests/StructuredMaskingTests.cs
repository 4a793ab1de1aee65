using Serilog.Context;
using SoSucKhoe.Dossiers.Identifiers;

namespace SoSucKhoe.Logging.Tests;

public sealed class StructuredMaskingTests
{
    private const string RawId = "070123456789";
    private const string RawCard = "DN4701234567845";
    private const string RawName = "Nguyễn Văn An";

    [Fact]
    public void A_string_property_named_as_a_person_key_is_masked()
    {
        var (logger, sink) = TestLoggers.WithText();
        logger.Information("Check-in for person {Person} at {Facility}", RawId, "70001");

        var logEvent = Assert.Single(sink.Events);
        Assert.Equal("0701******89", TestLoggers.Scalar(logEvent, "Person"));
        Assert.Equal("70001", TestLoggers.Scalar(logEvent, "Facility"));
    }

    [Fact]
    public void Any_string_property_carrying_an_identifier_is_masked_by_content()
    {
        var (logger, sink) = TestLoggers.WithText();
        logger.Information("Grain {Grain} failed with {Reason}", "patient/" + RawId, "card " + RawCard + " refused");

        var logEvent = Assert.Single(sink.Events);
        Assert.Equal("patient/0701******89", TestLoggers.Scalar(logEvent, "Grain"));
        Assert.Equal("card DN470********45 refused", TestLoggers.Scalar(logEvent, "Reason"));
    }

    [Theory]
    [InlineData("HoTen")]
    [InlineData("HO_TEN")]
    [InlineData("FullName")]
    [InlineData("PatientName")]
    public void Names_become_initials(string property)
    {
        var (logger, sink) = TestLoggers.WithText();
        logger.Information("Patient {" + property + "}", RawName);

        Assert.Equal("N. V. A.", TestLoggers.Scalar(Assert.Single(sink.Events), property));
        Assert.DoesNotContain("Nguyễn", sink.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DiaChi", "12 Lê Lợi, phường Tân Phú", "(masked address)")]
    [InlineData("DIA_CHI", "Ấp 3, xã Tân Lập", "(masked address)")]
    [InlineData("HomeAddress", "12 Lê Lợi", "(masked address)")]
    [InlineData("DienThoai", "0912345678", "********78")]
    [InlineData("Phone", "0912-345-678", "****-***-*78")]
    [InlineData("SoCccd", RawId, "0701******89")]
    [InlineData("PersonalId", "A12345", "****45")]
    [InlineData("MaTheBhyt", RawCard, "DN470********45")]
    [InlineData("InsuranceCard", "1234567845", "********45")]
    [InlineData("Card", "XY-12", "*****")]
    [InlineData("Email", "an.nguyen@example.com", "a*.******@example.com")]
    [InlineData("NGAY_SINH", "19900115", "1990****")]
    public void Properties_named_as_personal_data_are_masked_by_kind(string property, string value, string expected)
    {
        var (logger, sink) = TestLoggers.WithText();
        logger.Information("Value {" + property + "}", value);

        Assert.Equal(expected, TestLoggers.Scalar(Assert.Single(sink.Events), property));
        Assert.DoesNotContain(value, sink.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Network_addresses_and_bare_names_outside_a_person_are_not_personal_data()
    {
        var (logger, sink) = TestLoggers.WithText();
        logger.Information("Silo {SiloAddress} {Name} {IpAddress}", "S127.0.0.1:11111:123456789", "Bệnh viện đa khoa tỉnh", "10.0.0.1");

        var logEvent = Assert.Single(sink.Events);
        Assert.Equal("S127.0.0.1:11111:123456789", TestLoggers.Scalar(logEvent, "SiloAddress"));
        Assert.Equal("Bệnh viện đa khoa tỉnh", TestLoggers.Scalar(logEvent, "Name"));
        Assert.Equal("10.0.0.1", TestLoggers.Scalar(logEvent, "IpAddress"));
    }

    [Fact]
    public void A_destructured_person_has_every_personal_property_masked_and_the_rest_intact()
    {
        var (logger, sink) = TestLoggers.WithJson();
        var patient = new PatientRecord(RawName, RawId, RawCard, "12 Lê Lợi", "0912345678", "an@example.com", "199001150000",
            [new VisitRecord("70001", "LK2025000123", "202501150830", "passport:B1234567")]);

        logger.Information("Patient {@Patient}", patient);

        var structure = Assert.IsType<StructureValue>(Assert.Single(sink.Events).Properties["Patient"]);
        Assert.Equal(nameof(PatientRecord), structure.TypeTag);
        var properties = structure.Properties.ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal("N. V. A.", ((ScalarValue)properties["Name"]).Value);
        Assert.Equal("0701******89", ((ScalarValue)properties["SoCccd"]).Value);
        Assert.Equal("DN470********45", ((ScalarValue)properties["MaTheBhyt"]).Value);
        Assert.Equal("(masked address)", ((ScalarValue)properties["DiaChi"]).Value);
        Assert.Equal("********78", ((ScalarValue)properties["DienThoai"]).Value);
        Assert.Equal("a*@example.com", ((ScalarValue)properties["Email"]).Value);
        Assert.Equal("1990********", ((ScalarValue)properties["NgaySinh"]).Value);

        var visit = Assert.IsType<StructureValue>(Assert.Single(Assert.IsType<SequenceValue>(properties["Visits"]).Elements));
        var visitProperties = visit.Properties.ToDictionary(p => p.Name, p => ((ScalarValue)p.Value).Value);
        Assert.Equal("70001", visitProperties["MA_CSKCB"]);
        Assert.Equal("LK2025000123", visitProperties["MA_LK"]);
        Assert.Equal("202501150830", visitProperties["NGAY_VAO"]);
        Assert.Equal("passport:B*****67", visitProperties["PersonKey"]);

        AssertNoRawValues(sink.Text, RawName, RawId, RawCard, "Lê Lợi", "0912345678", "an@example.com", "B1234567", "19900115");
        Assert.Contains("\"NGAY_VAO\":\"202501150830\"", sink.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_anonymous_object_with_vietnamese_field_names_is_masked()
    {
        var (logger, sink) = TestLoggers.WithText();
        logger.Information("Header {@Header}", new { HO_TEN = RawName, SO_CCCD = RawId, MA_THE_BHYT = RawCard, MA_CSKCB = "70001" });

        var structure = Assert.IsType<StructureValue>(Assert.Single(sink.Events).Properties["Header"]);
        Assert.Null(structure.TypeTag);
        var properties = structure.Properties.ToDictionary(p => p.Name, p => ((ScalarValue)p.Value).Value);
        Assert.Equal("N. V. A.", properties["HO_TEN"]);
        Assert.Equal("0701******89", properties["SO_CCCD"]);
        Assert.Equal("DN470********45", properties["MA_THE_BHYT"]);
        Assert.Equal("70001", properties["MA_CSKCB"]);
    }

    [Fact]
    public void Identifier_value_types_destructure_to_their_masked_text()
    {
        var (logger, sink) = TestLoggers.WithText();
        logger.Information("Id {@Id} card {@Card}", PersonalId.Parse(RawId), ParseCard(RawCard));

        var logEvent = Assert.Single(sink.Events);
        Assert.Equal("0701******89", TestLoggers.Scalar(logEvent, "Id"));
        Assert.Equal("DN470********45", TestLoggers.Scalar(logEvent, "Card"));
        AssertNoRawValues(sink.Text, RawId, RawCard, "1234567845");
    }

    [Fact]
    public void Strings_nested_in_objects_without_personal_names_are_masked_by_content()
    {
        var (logger, sink) = TestLoggers.WithText();
        logger.Information("Failure {@Failure}", new FailureNote("70001", "grain patient/" + RawId + " timed out", [RawCard, "ok"]));

        var structure = Assert.IsType<StructureValue>(Assert.Single(sink.Events).Properties["Failure"]);
        var properties = structure.Properties.ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal("grain patient/0701******89 timed out", ((ScalarValue)properties["Detail"]).Value);
        Assert.Equal(["DN470********45", "ok"], ((SequenceValue)properties["Items"]).Elements.Select(e => ((ScalarValue)e).Value));
        AssertNoRawValues(sink.Text, RawId, RawCard);
    }

    [Fact]
    public void Dictionary_keys_and_values_are_masked_and_keys_name_their_values()
    {
        var (logger, sink) = TestLoggers.WithJson();
        var byPerson = new Dictionary<string, string> { [RawId] = "70001", ["HO_TEN"] = RawName, ["note"] = "card " + RawCard };
        logger.Information("Map {@Map}", byPerson);

        var dictionary = Assert.IsType<DictionaryValue>(Assert.Single(sink.Events).Properties["Map"]);
        var entries = dictionary.Elements.ToDictionary(e => (string)e.Key.Value!, e => ((ScalarValue)e.Value).Value);
        Assert.Equal("70001", entries["0701******89"]);
        Assert.Equal("N. V. A.", entries["HO_TEN"]);
        Assert.Equal("card DN470********45", entries["note"]);
        AssertNoRawValues(sink.Text, RawId, RawName, RawCard);
    }

    [Fact]
    public void Two_identifiers_that_mask_alike_stay_distinct_dictionary_keys()
    {
        var (logger, sink) = TestLoggers.WithText();
        logger.Information("Map {@Map}", new Dictionary<string, int> { ["070111111189"] = 1, ["070122222289"] = 2 });

        var dictionary = Assert.IsType<DictionaryValue>(Assert.Single(sink.Events).Properties["Map"]);
        Assert.Equal(2, dictionary.Elements.Count);
        AssertNoRawValues(sink.Text, "070111111189", "070122222289");
    }

    [Fact]
    public void Sequences_of_identifiers_are_masked_element_by_element()
    {
        var (logger, sink) = TestLoggers.WithText();
        logger.Information("Links {InsuranceNumbers} {Keys}", new[] { "1234567845", "7012345678" }, new[] { "bhyt:1234567845", "70001" });

        var logEvent = Assert.Single(sink.Events);
        Assert.Equal(["********45", "********78"],
            ((SequenceValue)logEvent.Properties["InsuranceNumbers"]).Elements.Select(e => ((ScalarValue)e).Value));
        Assert.Equal(["bhyt:********45", "70001"], ((SequenceValue)logEvent.Properties["Keys"]).Elements.Select(e => ((ScalarValue)e).Value));
    }

    [Fact]
    public void Identifier_shaped_numbers_become_masked_strings_and_ordinary_numbers_stay_numbers()
    {
        var (logger, sink) = TestLoggers.WithJson();
        logger.Information("Numbers {Lost} {Count} {Elapsed}", 70123456789L, 42, 12.5);

        var logEvent = Assert.Single(sink.Events);
        Assert.Equal("*********89", ((ScalarValue)logEvent.Properties["Lost"]).Value);
        Assert.Equal(42, ((ScalarValue)logEvent.Properties["Count"]).Value);
        Assert.Equal(12.5, ((ScalarValue)logEvent.Properties["Elapsed"]).Value);
        using var json = System.Text.Json.JsonDocument.Parse(Assert.Single(sink.Lines));
        Assert.Equal("*********89", json.RootElement.GetProperty("Lost").GetString());
    }

    [Fact]
    public void An_object_logged_without_destructuring_is_masked_through_its_text()
    {
        var (logger, sink) = TestLoggers.WithText();
        logger.Information("Visit {Visit}", new VisitRecord("70001", "LK2025000123", "202501150830", RawId));

        var rendered = TestLoggers.Scalar(Assert.Single(sink.Events), "Visit");
        Assert.Contains("0701******89", rendered, StringComparison.Ordinal);
        AssertNoRawValues(sink.Text, RawId);
    }

    [Fact]
    public void Properties_pushed_on_the_log_context_are_masked()
    {
        var (logger, sink) = TestLoggers.WithText();
        using (LogContext.PushProperty("PersonKey", "passport:B1234567"))
        using (LogContext.PushProperty("RequestPath", "/book/" + RawId))
        {
            logger.Information("Book read");
        }

        var logEvent = Assert.Single(sink.Events);
        Assert.Equal("passport:B*****67", TestLoggers.Scalar(logEvent, "PersonKey"));
        Assert.Equal("/book/0701******89", TestLoggers.Scalar(logEvent, "RequestPath"));
    }

    [Fact]
    public void Date_properties_keep_their_12_digit_dates_in_structured_output()
    {
        var (logger, sink) = TestLoggers.WithJson();
        logger.Information("Episode {MaLk} admitted {NGAY_VAO} paid {PaidAt}", "LK2025000123", "202501150830", "202501201015");

        var logEvent = Assert.Single(sink.Events);
        Assert.Equal("202501150830", TestLoggers.Scalar(logEvent, "NGAY_VAO"));
        Assert.Equal("202501201015", TestLoggers.Scalar(logEvent, "PaidAt"));
        Assert.Contains("\"NGAY_VAO\":\"202501150830\"", sink.Text, StringComparison.Ordinal);
        Assert.Contains("\"PaidAt\":\"202501201015\"", sink.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_without_personal_data_are_left_untouched()
    {
        var (logger, sink) = TestLoggers.WithText();
        logger.Information("Forwarded {Count} dossiers of {Facility} as {MaLk}", 3, "70001", "LK2025000123");

        var logEvent = Assert.Single(sink.Events);
        Assert.Equal(3, ((ScalarValue)logEvent.Properties["Count"]).Value);
        Assert.Contains("Forwarded 3 dossiers of 70001 as LK2025000123", sink.Text, StringComparison.Ordinal);
    }

    private static InsuranceCardNumber ParseCard(string text) =>
        InsuranceCardNumber.TryParse(text, out var card, out var reason) ? card : throw new FormatException(reason);

    internal static void AssertNoRawValues(string output, params string[] raw)
    {
        foreach (var value in raw)
        {
            Assert.DoesNotContain(value, output, StringComparison.Ordinal);
        }
    }

    public sealed record PatientRecord(
        string Name, string SoCccd, string MaTheBhyt, string DiaChi, string DienThoai, string Email, string NgaySinh,
        IReadOnlyList<VisitRecord> Visits);

#pragma warning disable CA1707 // The standard's field names are kept on purpose.
    public sealed record VisitRecord(string MA_CSKCB, string MA_LK, string NGAY_VAO, string PersonKey);
#pragma warning restore CA1707

    public sealed record FailureNote(string Facility, string Detail, IReadOnlyList<string> Items);
}
