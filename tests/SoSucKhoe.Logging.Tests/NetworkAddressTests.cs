namespace SoSucKhoe.Logging.Tests;

/// <summary>"Address" names postal addresses of people, not the URLs a server listens on.</summary>
public sealed class NetworkAddressTests
{
    [Fact]
    public void A_listening_url_in_an_address_property_stays_readable_while_a_postal_address_is_masked()
    {
        var (logger, sink) = TestLoggers.WithText();

        logger.Information("Now listening on: {address}", "http://127.0.0.1:5080");
        logger.Information("Patient lives at {Address}", "12 Lê Lợi, Đồng Xoài");

        Assert.Equal("http://127.0.0.1:5080", TestLoggers.Scalar(sink.Events[0], "address"));
        Assert.Contains("http://127.0.0.1:5080", sink.Lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Lê Lợi", sink.Text, StringComparison.Ordinal);
    }
}
