using System.Text;
using System.Xml;
using SoSucKhoe.Dossiers.Internal;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Tests.Support;

namespace SoSucKhoe.Dossiers.Tests;

/// <summary>
/// NOIDUNGFILE is read as chars into one pooled buffer and decoded into one array shared by the tables: the text taken, its
/// trimming and the base64 rules are those of reading it as a trimmed string and decoding that.
/// </summary>
public sealed class EnvelopeContentReadingTests
{
    private static readonly string Xml1 = TableXml.Single("XML1", Fixtures.Xml1());
    private static readonly string Xml2 = TableXml.List("XML2", [Fixtures.Xml2Row(1), Fixtures.Xml2Row(2)]);

    private static string Base64(string xml) => Convert.ToBase64String(Encoding.UTF8.GetBytes(xml));

    private static DossierReadResult Read(EnvelopeBuilder builder) => DossierReader.ReadDossier(builder.Build(), DossierReaderOptions.Default);

    [Fact]
    public void Content_split_into_text_CDATA_and_character_references_decodes_as_one_text()
    {
        var base64 = Base64(Xml1);
        var third = base64.Length / 3;
        var raw = base64[..third] + "<![CDATA[" + base64[third..(2 * third)] + "]]>"
            + base64[(2 * third)..].Replace("+", "&#x2B;", StringComparison.Ordinal).Replace("/", "&#47;", StringComparison.Ordinal);

        var result = Read(new EnvelopeBuilder().RawContent("XML1", raw));

        Assert.Empty(result.Violations);
        Assert.Equal(Encoding.UTF8.GetBytes(Xml1), result.Dossier!.Files[0].Content.ToArray());
    }

    [Fact]
    public void Unicode_whitespace_around_the_content_is_trimmed_as_string_Trim_does()
    {
        var result = Read(new EnvelopeBuilder().RawContent("XML1", "\u00A0\u2003 \n" + Base64(Xml1) + "\u3000\t"));

        Assert.Empty(result.Violations);
        Assert.Equal(Fixtures.MaLk, result.Dossier!.MaLk);
    }

    [Fact]
    public void Unicode_whitespace_inside_the_content_is_not_base64()
    {
        var base64 = Base64(Xml1);
        var result = Read(new EnvelopeBuilder().RawContent("XML1", base64[..8] + "\u00A0" + base64[8..]));

        Assert.Contains(result.Violations, v => (v.Table, v.Field, v.Rule) == ("XML1", "NOIDUNGFILE", "base64"));
    }

    [Fact]
    public void Content_of_only_Unicode_whitespace_is_empty()
    {
        var result = Read(new EnvelopeBuilder().RawContent("XML1", "\u00A0 \u2003"));

        Assert.Contains(result.Violations, v => (v.Table, v.Field, v.Rule) == ("XML1", "NOIDUNGFILE", "required"));
    }

    [Fact]
    public void Text_inside_a_child_element_of_NOIDUNGFILE_is_still_part_of_the_content_and_the_child_is_reported()
    {
        var base64 = Base64(Xml1);
        var result = Read(new EnvelopeBuilder().RawContent("XML1", base64[..40] + "<X>" + base64[40..80] + "</X>" + base64[80..]));

        var v = Assert.Single(result.Violations);
        Assert.Equal(("ENVELOPE", "FILEHOSO.NOIDUNGFILE", "envelope_structure"), (v.Table, v.Field, v.Rule));
        Assert.Equal(Encoding.UTF8.GetBytes(Xml1), result.Dossier!.Files[0].Content.ToArray());
    }

    [Fact]
    public void A_repeated_NOIDUNGFILE_keeps_the_last_content()
    {
        var raw = Base64(Xml2) + "</NOIDUNGFILE><NOIDUNGFILE>" + Base64(Xml1);
        var result = Read(new EnvelopeBuilder().RawContent("XML1", raw));

        Assert.Equal(Encoding.UTF8.GetBytes(Xml1), result.Dossier!.Files[0].Content.ToArray());
    }

    [Fact]
    public void Tables_after_an_invalid_one_decode_to_their_own_exact_bytes()
    {
        var result = Read(new EnvelopeBuilder().Table("XML1", Xml1).RawContent("XML3", "not*base64!").Table("XML2", Xml2));

        Assert.Contains(result.Violations, v => (v.Table, v.Field, v.Rule) == ("XML3", "NOIDUNGFILE", "base64"));
        var files = result.Dossier!.Files;
        Assert.Equal(["XML1", "XML2"], files.Select(f => f.LoaiHoSo));
        Assert.Equal(Encoding.UTF8.GetBytes(Xml1), files[0].Content.ToArray());
        Assert.Equal(Encoding.UTF8.GetBytes(Xml2), files[1].Content.ToArray());
        Assert.Equal(2, result.Dossier.Drugs.Count);
    }

    [Fact]
    public void Base64_without_its_padding_is_refused_as_before()
    {
        var base64 = Base64(Xml1 + " ");
        Assert.EndsWith("=", base64, StringComparison.Ordinal);

        var result = Read(new EnvelopeBuilder().RawContent("XML1", base64.TrimEnd('=')));

        Assert.Contains(result.Violations, v => (v.Table, v.Field, v.Rule) == ("XML1", "NOIDUNGFILE", "base64"));
    }

    [Fact]
    public void Pooled_char_buffer_grows_and_keeps_every_segment_when_text_exceeds_its_first_capacity()
    {
        var long1 = new string('A', 1000);
        var long2 = new string('B', 3000);
        var xml = $"<R><T>  {long1}  </T><T>{long2}</T><T/></R>";
        using var buffer = new PooledCharBuffer(16);
        using var reader = GuardedXmlReader.Create(Encoding.UTF8.GetBytes(xml), DossierReaderOptions.Default);
        Assert.True(reader.MoveToRoot());

        var segments = new List<TextSegment>();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "T")
            {
                segments.Add(reader.ReadTextInto(buffer, out var nested));
                Assert.False(nested);
            }
        }

        Assert.Equal(3, segments.Count);
        Assert.Equal(long1, buffer[segments[0]].ToString());
        Assert.Equal(long2, buffer[segments[1]].ToString());
        Assert.Equal(0, segments[2].Length);
    }
}
