using SoSucKhoe.Dossiers.Model;

namespace SoSucKhoe.Dossiers.Tests;

public sealed class VnDateTimeTests
{
    [Fact]
    public void Twelve_digits_are_local_Vietnam_time_with_minute_precision()
    {
        Assert.True(VnDateTime.TryParse("201703311520", out var value));
        Assert.Equal(new DateTimeOffset(2017, 3, 31, 15, 20, 0, TimeSpan.FromHours(7)), value.Value);
        Assert.Equal(TimeSpan.FromHours(7), value.Value.Offset);
        Assert.Equal(VnDatePrecision.Minute, value.Precision);
        Assert.Equal(new DateTimeOffset(2017, 3, 31, 8, 20, 0, TimeSpan.Zero), value.Value.ToUniversalTime());
    }

    [Fact]
    public void Eight_digits_are_a_day()
    {
        Assert.True(VnDateTime.TryParse("20170405", out var value));
        Assert.Equal(new DateTimeOffset(2017, 4, 5, 0, 0, 0, TimeSpan.FromHours(7)), value.Value);
        Assert.Equal(VnDatePrecision.Day, value.Precision);
        Assert.Equal("20170405", value.ToDossierString());
    }

    [Theory]
    [InlineData("2017033115")]
    [InlineData("2017033115201")]
    [InlineData("2017-03-31")]
    [InlineData("20171331")]
    [InlineData("20170230")]
    [InlineData("20230229")]
    [InlineData("201703312460")]
    [InlineData("201703311560")]
    [InlineData("00000101")]
    [InlineData("")]
    public void Malformed_or_impossible_dates_are_refused(string text)
    {
        Assert.False(VnDateTime.TryParse(text.AsSpan(), VnDateFormats.Any, out _, out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Fact]
    public void Leap_day_is_accepted_in_a_leap_year() => Assert.True(VnDateTime.TryParse("202402291200", out _));

    [Fact]
    public void Format_restriction_refuses_the_other_length()
    {
        Assert.False(VnDateTime.TryParse("20240229".AsSpan(), VnDateFormats.DateTime12, out _, out var r12));
        Assert.Contains("12 digits", r12);
        Assert.False(VnDateTime.TryParse("202402291200".AsSpan(), VnDateFormats.Date8, out _, out var r8));
        Assert.Contains("8 digits", r8);
    }

    [Fact]
    public void Zero_day_and_month_are_refused_outside_birth_dates()
    {
        Assert.False(VnDateTime.TryParse("199500000000", out _));
        Assert.False(VnDateTime.TryParse("19950500", out _));
    }

    [Fact]
    public void Birth_date_with_unknown_day_and_month_has_year_precision()
    {
        Assert.True(VnDateTime.TryParseBirthDate("199500000000", out var value, out _));
        Assert.Equal(VnDatePrecision.Year, value.Precision);
        Assert.Equal(1995, value.Year);
        Assert.Equal("19950000", value.ToDossierString());
    }

    [Fact]
    public void Birth_date_with_unknown_day_has_month_precision()
    {
        Assert.True(VnDateTime.TryParseBirthDate("199505000000", out var value, out _));
        Assert.Equal(VnDatePrecision.Month, value.Precision);
        Assert.Equal(5, value.Value.Month);
    }

    [Fact]
    public void Birth_date_with_unknown_time_has_day_precision_and_known_time_has_minutes()
    {
        Assert.True(VnDateTime.TryParseBirthDate("199505120000", out var day, out _));
        Assert.Equal(VnDatePrecision.Day, day.Precision);
        Assert.True(VnDateTime.TryParseBirthDate("202503020830", out var minute, out _));
        Assert.Equal(VnDatePrecision.Minute, minute.Precision);
        Assert.Equal(new DateTimeOffset(2025, 3, 2, 8, 30, 0, TimeSpan.FromHours(7)), minute.Value);
    }

    [Fact]
    public void Birth_date_with_unknown_month_but_known_day_is_refused()
    {
        Assert.False(VnDateTime.TryParseBirthDate("199500120000", out _, out var reason));
        Assert.Contains("month", reason);
    }

    [Fact]
    public void Instant_is_converted_to_Vietnam_time()
    {
        var value = VnDateTime.FromInstant(new DateTimeOffset(2025, 1, 1, 20, 0, 0, TimeSpan.Zero));
        Assert.Equal("202501020300", value.ToDossierString());
    }
}
