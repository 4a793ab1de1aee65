using System.Text;
using Microsoft.AspNetCore.Http;

namespace SoSucKhoe.Gateway.Tests;

/// <summary>The emulator's form reader: percent-decoding in place and the base64 document field.</summary>
public sealed class FormBodyTests
{
    [Fact]
    public async Task Percent_sequences_and_plus_signs_are_decoded_and_stray_percent_signs_kept()
    {
        using var form = await ReadAsync("a=%41%2b%2F+b%zz%4&x%5Fy=1&c=%&d=plain&e=%C3%A1%");

        Assert.NotNull(form);
        Assert.Equal("A+/ b%zz%4", form.Text("a"));
        Assert.Equal("1", form.Text("x_y"));
        Assert.Equal("%", form.Text("c"));
        Assert.Equal("plain", form.Text("d"));
        Assert.Equal("á%", form.Text("e"));
        Assert.Null(form.Text("missing"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(70_000)]
    public async Task A_percent_encoded_base64_document_is_decoded_to_its_bytes(int size)
    {
        var document = new byte[size];
        new Random(size).NextBytes(document);
        var encoded = Uri.EscapeDataString(Convert.ToBase64String(document));

        using var form = await ReadAsync($"username=u&fileHSBase64={encoded}&maTinh=70", chunked: size > 1000);

        Assert.NotNull(form);
        Assert.Equal(document, form.Base64("fileHSBase64")?.ToArray());
        Assert.Equal("70", form.Text("maTinh"));
    }

    [Fact]
    public async Task A_base64_document_with_line_breaks_is_still_decoded_and_garbage_is_refused()
    {
        var document = Encoding.UTF8.GetBytes(new string('x', 200));
        var wrapped = Uri.EscapeDataString(Convert.ToBase64String(document, Base64FormattingOptions.InsertLineBreaks));

        using var form = await ReadAsync($"fileHSBase64={wrapped}&bad=%2A%2A%2A");

        Assert.NotNull(form);
        Assert.Equal(document, form.Base64("fileHSBase64")?.ToArray());
        Assert.Null(form.Base64("bad"));
    }

    private static async Task<FormBody?> ReadAsync(string body, bool chunked = false)
    {
        var bytes = Encoding.ASCII.GetBytes(body);
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.ContentLength = chunked ? null : bytes.Length;
        context.Request.Body = new MemoryStream(bytes, writable: false);
        return await FormBody.ReadAsync(context.Request, 1 << 20, CancellationToken.None);
    }
}
