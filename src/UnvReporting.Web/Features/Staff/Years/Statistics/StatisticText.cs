using System.Globalization;
using UnvReporting.Domain;
using UnvReporting.Domain.Statistics;

namespace UnvReporting.Web.Features.Staff.Years.Statistics;

/// <summary>
/// How a statistic reads on the staff pages: the exact figure in the reader's culture with its
/// unit. Unlike the public pages (<see cref="Infrastructure.DisplayFormat"/>) nothing is rounded to
/// millions, because staff check the figure digit by digit against the report.
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
        _ => Number(value) + " " + UnitLabel(unit),
    };

    /// <summary>The word shown next to the value box, so the editor knows what to type.</summary>
    public static string UnitLabel(Unit unit) => unit switch
    {
        Unit.Count => "count",
        Unit.Percent => "% (0-100)",
        Unit.PercentChange => "% change",
        Unit.Months => "months",
        Unit.Usd => "USD",
        Unit.WorkingDays => "working days",
        _ => "years",
    };

    public static string QualifierLabel(Qualifier qualifier) => qualifier switch
    {
        Qualifier.Approximate => "about",
        Qualifier.MoreThan => "more than",
        Qualifier.Nearly => "nearly",
        _ => "exact",
    };

    /// <summary>"Region: Africa", or the total when the fact has no breakdown.</summary>
    public static string Breakdown(string? dimensionName, string? memberName) =>
        dimensionName is null ? "Total (no breakdown)" : $"{dimensionName}: {memberName}";
}
