using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.Dossiers.Tests;

public sealed class CsvReaderTests
{
    private static List<string[]> Read(string text) => CsvReader.ReadRecords(new StringReader(text)).ToList();

    [Fact]
    public void Plain_fields_and_CRLF_or_LF_record_ends()
    {
        var records = Read("a,b,c\r\n1,2,3\n4,,6");
        Assert.Equal(3, records.Count);
        Assert.Equal(["4", "", "6"], records[2]);
    }

    [Fact]
    public void Quoted_fields_hold_commas_newlines_and_escaped_quotes()
    {
        var records = Read("x,y\n\"a, b\",\"line1\r\nline2 \"\"quoted\"\"\"\n");
        Assert.Equal(2, records.Count);
        Assert.Equal("a, b", records[1][0]);
        Assert.Equal("line1\r\nline2 \"quoted\"", records[1][1]);
    }

    [Fact]
    public void Trailing_empty_field_and_blank_lines()
    {
        var records = Read("a,b,\n\n1,2,\n");
        Assert.Equal(2, records.Count);
        Assert.Equal(["1", "2", ""], records[1]);
    }

    [Fact]
    public void Unterminated_quote_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => Read("a\n\"open"));
    }

    [Fact]
    public void Header_maps_columns_by_name()
    {
        var rows = CsvReader.ReadWithHeader(new StringReader("code,name\nA00,\"Cholera, unspecified\"\nB01")).ToList();
        Assert.Equal("Cholera, unspecified", rows[0]["name"]);
        Assert.Equal(string.Empty, rows[1]["name"]);
    }
}
