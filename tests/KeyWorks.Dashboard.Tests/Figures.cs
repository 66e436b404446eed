using System.Globalization;
using System.Text.Json;

namespace KeyWorks.Dashboard.Tests;

/// <summary>The dashboard's way of writing figures (src/format.ts), for comparing the page with the API's answer.</summary>
internal static class Figures
{
    public static decimal Amount(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture);

    /// <summary>"2.50亿元" from 1 亿 up, else "3,280.50万元" (half away from zero).</summary>
    public static string Money(JsonElement yuan)
    {
        var amount = Amount(yuan);
        return Math.Abs(amount) >= 100_000_000m
            ? Math.Round(amount / 100_000_000m, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", CultureInfo.InvariantCulture) + "亿元"
            : Math.Round(amount / 10_000m, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", CultureInfo.InvariantCulture) + "万元";
    }

    /// <summary>"87.5%".</summary>
    public static string Percent(JsonElement percent) =>
        Math.Round(Amount(percent), 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>"12.34亿元" whatever the size (the overview's KPI cards).</summary>
    public static string Yi(JsonElement yuan) =>
        Math.Round(Amount(yuan) / 100_000_000m, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", CultureInfo.InvariantCulture) + "亿元";
}
