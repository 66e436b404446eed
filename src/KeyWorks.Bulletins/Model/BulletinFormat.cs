using System.Globalization;

namespace KeyWorks.Bulletins.Model;

/// <summary>
/// How figures read in the bulletin: money in 亿元 or 万元, rates as percentages with one decimal,
/// gaps in percentage points. Rounding is half away from zero (四舍五入), as readers expect.
/// </summary>
public static class BulletinFormat
{
    private const decimal Wan = 10_000m;
    private const decimal Yi = 100_000_000m;
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    /// <summary>An amount with its unit chosen by size: "2.50亿元", "3,520.0万元", "0元".</summary>
    public static string Money(decimal yuan) =>
        Math.Abs(yuan) >= Yi ? $"{InYi(yuan)}亿元"
        : yuan == 0m ? "0元"
        : $"{InWan(yuan)}万元";

    /// <summary>The amount in 亿元 with two decimals, no unit: "2.50".</summary>
    public static string InYi(decimal yuan) =>
        Math.Round(yuan / Yi, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", Numbers);

    /// <summary>The amount in 万元 with one decimal, no unit: "15,500.0".</summary>
    public static string InWan(decimal yuan) =>
        Math.Round(yuan / Wan, 1, MidpointRounding.AwayFromZero).ToString("#,##0.0", Numbers);

    /// <summary>A fraction as a percentage with one decimal: 0.6234 → "62.3%".</summary>
    public static string Percent(decimal fraction) =>
        Math.Round(fraction * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.0", Numbers) + "%";

    /// <summary>A fraction as a number of percentage points with one decimal and no sign: -0.032 → "3.2".</summary>
    public static string Points(decimal fraction) =>
        Math.Round(Math.Abs(fraction) * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.0", Numbers);

    /// <summary>进度差 in words: "快于序时进度3.2个百分点", "慢于序时进度12.0个百分点", "与序时进度持平".</summary>
    public static string GapToTimeProgress(decimal gap)
    {
        var points = Points(gap);
        if (points == "0.0")
        {
            return "与序时进度持平";
        }

        return gap > 0 ? $"快于序时进度{points}个百分点" : $"慢于序时进度{points}个百分点";
    }

    /// <summary>A signed gap for table cells: "+3.2", "−12.0", "0.0" (true minus sign).</summary>
    public static string SignedPoints(decimal gap)
    {
        var points = Points(gap);
        return points == "0.0" ? points : (gap > 0 ? "+" : "−") + points;
    }

    /// <summary>A business date as 2026年10月8日.</summary>
    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>A short date for tables: 10月8日.</summary>
    public static string ShortDate(DateOnly date) => $"{date.Month}月{date.Day}日";

    /// <summary>
    /// A recorded instant in China Standard Time, to the minute: 2026年11月3日 18:00. Midnight reads as the end of
    /// the day before (2026年11月10日 24:00), as cutoffs are written.
    /// </summary>
    public static string Instant(DateTimeOffset instant)
    {
        var local = instant.ToOffset(TimeSpan.FromHours(8));
        if (local.TimeOfDay == TimeSpan.Zero)
        {
            var day = local.AddDays(-1);
            return $"{day.Year}年{day.Month}月{day.Day}日 24:00";
        }

        return $"{local.Year}年{local.Month}月{local.Day}日 {local:HH:mm}";
    }

    public static string Light(StatusLight light) => light switch
    {
        StatusLight.Green => "绿灯",
        StatusLight.Yellow => "黄灯",
        StatusLight.Red => "红灯",
        _ => throw new ArgumentOutOfRangeException(nameof(light), light, null),
    };

    public static string Stage(ProblemStage stage) => stage switch
    {
        ProblemStage.Assigned => "待受理",
        ProblemStage.Accepted => "办理中",
        ProblemStage.Handled => "待销号",
        ProblemStage.Escalated => "已提级",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    public static string Flag(RankingFlag flag) => flag switch
    {
        RankingFlag.None => "",
        RankingFlag.Red => "红旗",
        RankingFlag.Black => "黑旗",
        _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, null),
    };

    /// <summary>Section numbers 一 … 二十.</summary>
    public static string ChineseNumber(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 1 or > 99 => n.ToString(Numbers),
            < 10 => digits[n],
            10 => "十",
            < 20 => "十" + digits[n % 10],
            _ => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]),
        };
    }
}
