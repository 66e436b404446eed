using KeyWorks.Bulletins.Model;

namespace KeyWorks.Bulletins.Tests;

public sealed class bulletin_figures_read_as_leaders_expect
{
    [Theory]
    [InlineData("250000000", "2.50亿元")]
    [InlineData("155000000", "1.55亿元")]
    [InlineData("99995000", "9,999.5万元")]
    [InlineData("35200000", "3,520.0万元")]
    [InlineData("1234567890.12", "12.35亿元")]
    [InlineData("0", "0元")]
    public void money_is_shown_in_yi_or_wan_yuan(string yuan, string expected) =>
        Assert.Equal(expected, BulletinFormat.Money(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void percentages_have_one_decimal_rounded_half_away_from_zero()
    {
        Assert.Equal("62.3%", BulletinFormat.Percent(0.6234m));
        Assert.Equal("62.4%", BulletinFormat.Percent(0.62350m));
        Assert.Equal("100.0%", BulletinFormat.Percent(1m));
    }

    [Fact]
    public void gap_to_time_progress_is_said_in_points_ahead_or_behind()
    {
        Assert.Equal("快于序时进度3.2个百分点", BulletinFormat.GapToTimeProgress(0.032m));
        Assert.Equal("慢于序时进度12.0个百分点", BulletinFormat.GapToTimeProgress(-0.12m));
        Assert.Equal("与序时进度持平", BulletinFormat.GapToTimeProgress(0.0004m));
        Assert.Equal("−12.0", BulletinFormat.SignedPoints(-0.12m));
    }

    [Fact]
    public void rates_follow_from_the_amounts()
    {
        var totals = new ProgrammeTotals(30, 0m, 200m, 10m, 150m, 0.8m, 1, 1, null);
        Assert.Equal(0.75m, totals.CompletionRate);
        Assert.Equal(-0.05m, totals.Gap);
    }

    [Fact]
    public void section_numbers_are_chinese_numerals()
    {
        Assert.Equal("一", BulletinFormat.ChineseNumber(1));
        Assert.Equal("十", BulletinFormat.ChineseNumber(10));
        Assert.Equal("十二", BulletinFormat.ChineseNumber(12));
        Assert.Equal("二十一", BulletinFormat.ChineseNumber(21));
    }
}
