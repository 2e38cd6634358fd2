namespace UnvReporting.Web.Features.Staff.Years.Statistics;

/// <summary>
/// How a statistic reads on the staff pages: the exact figure in the reader's culture with its
/// unit. Unlike the public pages (<see cref="DisplayFormat"/>) nothing is rounded to
/// millions, because staff check the figure digit by digit against the report. The unit and
/// qualifier words are the vocabulary's (<see cref="Words"/>).
/// </summary>
public static class StatisticText
{
    public static string Number(decimal value) => value.ToString("#,0.####", CultureInfo.CurrentCulture);

    public static string Value(decimal value, Unit unit) => unit switch
    {
        Unit.Percent => Number(value) + "%",
        Unit.PercentChange => (value > 0 ? "+" : string.Empty) + Number(value) + "%",
        Unit.Usd => "USD " + Number(value),
        Unit.Count => Number(value),
        _ => Number(value) + " " + Words.UnitLabel(unit, Words.English),
    };

    /// <summary>"Region: Africa", or the total when the fact has no breakdown.</summary>
    public static string Breakdown(string? dimensionName, string? memberName) =>
        dimensionName is null ? "Total (no breakdown)" : $"{dimensionName}: {memberName}";
}
