using System.Text;
using SoSucKhoe.Dossiers.Tests.Support;

namespace SoSucKhoe.Dossiers.Tests;

/// <summary>
/// Unsigned documents for the signature fast-path tests: the real fixtures and small envelopes that exercise every Canonical
/// XML rule the fast path implements (namespaces, attribute order, escapes, CR, PIs, comments, CDATA, empty elements).
/// </summary>
internal static class FastSignatureCorpus
{
    private const string Envelope = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

    /// <summary>The names of every document of the corpus.</summary>
    public static IEnumerable<object[]> Names => Documents.Keys.Select(name => new object[] { name });

    public static byte[] Unsigned(string name) => Documents[name]();

    private static readonly Dictionary<string, Func<byte[]>> Documents = new(StringComparer.Ordinal)
    {
        ["outpatient fixture"] = () => Fixtures.Outpatient().Build(),
        ["inpatient fixture"] = () => Fixtures.Inpatient().Build(),
        ["check-in XML0"] = () => Fixtures.CheckIn(Fixtures.CheckInRow(1), Fixtures.CheckInRow(2)),
        ["xsi and a default namespace on the root"] = () => Text(
            "<GIAMDINHHS xmlns=\"urn:sosuckhoe:test\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n" +
            "  <THONGTINDONVI><MACSKCB xsi:nil=\"false\">70001</MACSKCB></THONGTINDONVI>\n  <CHUKYDONVI/>\n</GIAMDINHHS>"),
        ["default namespace on the root and CHUKYDONVI created by the signer"] = () => Text(
            "<GIAMDINHHS xmlns=\"urn:sosuckhoe:test\"><THONGTINDONVI><MACSKCB>70001</MACSKCB></THONGTINDONVI></GIAMDINHHS>"),
        ["prefixed elements, redundant and undeclared namespaces"] = () => Text(
            "<p:GIAMDINHHS xmlns:p=\"urn:p\" xmlns=\"urn:default\" xmlns:z=\"urn:z\" xmlns:a=\"urn:a\">\n" +
            "  <p:THONGTIN xmlns:p=\"urn:p\" xmlns:a=\"urn:a2\"><a:X a:k=\"1\" k=\"2\"/></p:THONGTIN>\n" +
            "  <KHONG xmlns=\"\"><CON xmlns=\"\">x</CON><LAI xmlns=\"urn:default\"/></KHONG>\n" +
            "  <CHUKYDONVI/>\n</p:GIAMDINHHS>"),
        ["attributes in odd order"] = () => Text(
            "<GIAMDINHHS xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:b=\"urn:b\" xmlns:a=\"urn:a\">" +
            "<A z=\"1\" b:y=\"2\" xsi:type=\"t\" a:y=\"3\" b=\"4\" a:b=\"5\" Z=\"6\" xml:lang=\"vi\" aa=\"7\"/>" +
            "<CHUKYDONVI/></GIAMDINHHS>"),
        ["entities in text and attributes"] = () => Text(
            "<GIAMDINHHS><T a=\"x &amp; y &lt; z &#x9;tab &quot;q&quot; &gt; &apos;s&apos; &#xA;lf\" b='single \"double\"'>" +
            "a &amp; b &lt; c &gt; d &#x9; e &quot; &apos; ]]&gt;</T><CHUKYDONVI/></GIAMDINHHS>"),
        ["CR characters as character references"] = () => Text(
            "<GIAMDINHHS><T a=\"one&#13;two&#13;&#10;three\">line&#13;next&#13;&#10;last</T><CHUKYDONVI/></GIAMDINHHS>"),
        ["whitespace and newlines between elements"] = () => Text(
            "<GIAMDINHHS>\n\n\t<A>\n   <B> x </B>\t\n</A>   \r\n  <C/>\n\n  <CHUKYDONVI/>\n\n</GIAMDINHHS>\n\n"),
        ["processing instructions"] = () => Text(
            "<?before root?><?bare?>\n<GIAMDINHHS><?inside some data &amp; more?><A>x<?mid?>y</A><CHUKYDONVI/></GIAMDINHHS>\n<?after root?>"),
        ["comments"] = () => Text(
            "<!-- before -->\n<GIAMDINHHS><!-- inside --><A>x<!-- mid -->y</A><CHUKYDONVI/><!-- end --></GIAMDINHHS><!-- after -->"),
        ["CDATA section"] = () => Text(
            "<GIAMDINHHS><A><![CDATA[a < b & c > d \"q\" ]]>tail<![CDATA[]]></A><B><![CDATA[\n  x\n]]></B><CHUKYDONVI/></GIAMDINHHS>"),
        ["empty elements"] = () => Text(
            "<GIAMDINHHS><A/><B></B><C x=\"1\"/><D><E/></D><CHUKYDONVI/></GIAMDINHHS>"),
        ["long text across buffer boundaries with surrogate pairs"] = () => Text(
            "<GIAMDINHHS><A t=\"" + Repeat("Nguyễn 😀 ", 700) + "\">" + Repeat("Khám Nội 𝄞 &amp; ", 2_000) + "</A>" +
            "<B>" + Repeat("x", 4_095) + "😀" + Repeat("y", 4_095) + "&#13;</B><CHUKYDONVI/></GIAMDINHHS>"),
        ["xml:lang and xml:space on body elements"] = () => Text(
            "<GIAMDINHHS><THONGTIN xml:lang=\"vi\"><A xml:space=\"preserve\">  x  </A></THONGTIN><CHUKYDONVI/></GIAMDINHHS>"),
        ["no XML declaration"] = () => Encoding.UTF8.GetBytes("<GIAMDINHHS><A>1</A><CHUKYDONVI/></GIAMDINHHS>"),
    };

    private static byte[] Text(string body) => Encoding.UTF8.GetBytes(Envelope + body);

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
