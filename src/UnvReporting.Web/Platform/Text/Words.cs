using UnvReporting.Domain;
using UnvReporting.Domain.Auditing;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Scoring;

namespace UnvReporting.Web.Platform.Text;

/// <summary>The words the API writes for domain values (the OpenAPI document lists them as enums, ApiSchemas).</summary>
public static class Words
{
    public static string Rating(Rating rating) => rating.ToString().ToLowerInvariant();

    public static string Direction(Direction direction) => direction == Domain.Results.Direction.LowerIsBetter ? "lower" : "higher";

    /// <summary>"no-milestone", "no-result", "zero-divisor", "negative-figure".</summary>
    public static string NotRateable(NotRateableReason reason) => Kebab(reason.ToString());

    public static string Status(ReportingStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The colour of a status badge on the staff pages.</summary>
    public static string StatusCss(ReportingStatus status) => status switch
    {
        ReportingStatus.Published => "text-bg-success",
        ReportingStatus.Submitted => "text-bg-primary",
        _ => "text-bg-secondary",
    };

    /// <summary>"added", "changed", "deleted": what an audit entry records.</summary>
    public static string Action(AuditAction action) => action.ToString().ToLowerInvariant();

    public static string Level(ResultAreaKind kind) => kind switch
    {
        ResultAreaKind.Outcome => "outcome",
        ResultAreaKind.Output => "output",
        _ => "institutional-effectiveness",
    };

    public static string Unit(Unit unit) => unit switch
    {
        Domain.Unit.WorkingDays => "days",
        Domain.Unit.PercentChange => "percent-change",
        _ => unit.ToString().ToLowerInvariant(),
    };

    /// <summary>"exact", "approximate", "more-than", "nearly": how the report states a figure.</summary>
    public static string Qualifier(Domain.Statistics.Qualifier qualifier) => Kebab(qualifier.ToString());

    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
