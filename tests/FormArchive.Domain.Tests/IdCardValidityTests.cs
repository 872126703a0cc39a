using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

public sealed class IdCardValidityTests
{
    [Theory]
    [InlineData("2015.03.02-2035.03.02", "2015-03-02", "2035-03-02")]
    [InlineData("2015.03.02 - 2035.03.02", "2015-03-02", "2035-03-02")]
    [InlineData("２０１５．０３．０２－２０３５．０３．０２", "2015-03-02", "2035-03-02")]
    [InlineData("有效期限2005.06.01-长期", "2005-06-01", null)]
    [InlineData("20150302-20350302", "2015-03-02", "2035-03-02")]
    public void ReadsThePrintedPeriod(string text, string from, string? until)
    {
        Assert.True(IdCardValidity.TryParse(text, out var v));
        Assert.Equal(DateOnly.Parse(from), v.From);
        Assert.Equal(until is null ? null : DateOnly.Parse(until), v.Until);
        Assert.Equal(until is null, v.IsPermanent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("签发机关 东至县公安局")]
    [InlineData("2015.13.02-2035.03.02")]   // no 13th month
    [InlineData("2035.03.02-2015.03.02")]   // ends before it starts
    [InlineData("2015.02.30-2035.02.28")]
    public void RefusesWhatIsNotAPeriod(string text) => Assert.False(IdCardValidity.TryParse(text, out _));

    [Fact]
    public void ACardIsValidThroughItsLastDay()
    {
        Assert.True(IdCardValidity.TryParse("2006.11.27-2026.11.27", out var v));
        Assert.False(v.ExpiredOn(new DateOnly(2026, 11, 27)));
        Assert.True(v.ExpiredOn(new DateOnly(2026, 11, 28)));
    }

    [Fact]
    public void APermanentCardNeverExpires()
    {
        Assert.True(IdCardValidity.TryParse("2005.06.01-长期", out var v));
        Assert.False(v.ExpiredOn(new DateOnly(2199, 1, 1)));
        Assert.Equal("2005.06.01-长期", v.ToString());
    }

    [Fact]
    public void ChinaTodayIsUtcPlusEight()
    {
        var before = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var today = ChinaTime.Today();
        var after = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        Assert.InRange(today, before, after);
    }
}
