using System.Text;

namespace SoSucKhoe.Gateway.Tests;

/// <summary>The form body of a data call: the gateway must decode the very bytes the facility signed.</summary>
public sealed class GatewayFormBodyTests
{
    private static readonly KeyValuePair<string, string>[] Fields =
    [
        new("username", "cskcb 70001"),
        new("password", "a+b/c=d&e"),
    ];

    public static TheoryData<int> Lengths => [0, 1, 2, 3, 47, 48, 49, 1_000, 20_001];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void The_document_field_decodes_to_the_exact_bytes(int length)
    {
        var document = new byte[length];
        new Random(length).NextBytes(document);

        var body = Encoding.ASCII.GetString(GatewayFormBody.Build(Fields, "fileHSBA", document));

        var form = Parse(body);
        Assert.Equal(["username", "password", "fileHSBA"], form.Select(f => f.Key));
        Assert.Equal("cskcb 70001", form[0].Value);
        Assert.Equal("a+b/c=d&e", form[1].Value);
        Assert.Equal(document, Convert.FromBase64String(form[2].Value));
        Assert.DoesNotContain('+', body);
        Assert.DoesNotContain('/', body);
        Assert.Equal(Fields.Length + 1, body.Count(c => c == '='));
    }

    [Fact]
    public void Every_character_that_is_not_form_safe_is_escaped_in_place()
    {
        // 0xFB 0xEF 0xBE encodes to "++++" in base64, 0xFF 0xFF 0xFF to "////", and a last 0x41 to "QQ==" with its padding.
        var document = new byte[] { 0xFB, 0xEF, 0xBE, 0xFF, 0xFF, 0xFF, 0x41 };

        var body = Encoding.ASCII.GetString(GatewayFormBody.Build([], "f", document));

        Assert.Equal("f=" + Convert.ToBase64String(document).Replace("+", "%2B").Replace("/", "%2F").Replace("=", "%3D"), body);
        Assert.Equal("f=%2B%2B%2B%2B%2F%2F%2F%2FQQ%3D%3D", body);
    }

    private static List<KeyValuePair<string, string>> Parse(string body) =>
        body.Split('&').Select(pair => pair.Split('=')).Select(parts =>
        {
            Assert.Equal(2, parts.Length);
            return new KeyValuePair<string, string>(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]));
        }).ToList();
}
