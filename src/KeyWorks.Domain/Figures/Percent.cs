namespace KeyWorks.Domain.Figures;

internal static class Percent
{
    /// <summary>part / whole × 100, rounded to 2 decimals (half away from zero); null when whole is 0.</summary>
    public static decimal? Of(decimal part, decimal whole) =>
        whole == 0 ? null : Math.Round(part / whole * 100m, 2, MidpointRounding.AwayFromZero);

    public static decimal? Ratio(decimal part, decimal whole, int decimals = 4) =>
        whole == 0 ? null : Math.Round(part / whole, decimals, MidpointRounding.AwayFromZero);
}
