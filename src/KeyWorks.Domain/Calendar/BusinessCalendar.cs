namespace KeyWorks.Domain;

/// <summary>Business dates are China Standard Time dates; recorded times are instants.</summary>
public static class BusinessCalendar
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The business date (UTC+8) on which an instant falls.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaOffset).DateTime);

    /// <summary>The end of a business date (UTC+8) as an instant.</summary>
    public static DateTimeOffset EndOf(DateOnly date) =>
        new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset);

    /// <summary>
    /// The last month whose figures count on a date: the date's own month when the date is its last day,
    /// otherwise the month before (a month's report covers the whole month).
    /// </summary>
    public static YearMonth ReportingMonth(DateOnly asOf)
    {
        var month = YearMonth.Of(asOf);
        return asOf == month.LastDay ? month : month.AddMonths(-1);
    }
}
