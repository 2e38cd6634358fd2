using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Statistics;

namespace UnvReporting.Web.Platform.Data;

/// <summary>Which reporting years a reader may see: visitors the published ones, staff every one.</summary>
public enum YearVisibility
{
    PublishedOnly,
    Everything,
}

/// <summary>
/// What a reader may see, as the filters every query applies: the pages, the API and the
/// downloads all read through these, and <c>VisibilityRuleTests</c> fails on a status test
/// written anywhere else. The rule itself is the domain's (<see cref="ReportingYear.PublicStatus"/>).
/// </summary>
/// <remarks>
/// Each method chooses between two query shapes in C# rather than writing
/// "visibility == Everything || ..." into the query: EF Core evaluates such a comparison by
/// compiling it on every execution, as a profile of the cache-off pages showed
/// (docs/performance.md). Two shapes, each translated once, instead.
/// </remarks>
public static class Visibility
{
    /// <summary>A year visitors may read.</summary>
    public static Expression<Func<ReportingYear, bool>> PublicYear { get; } = OnStatus(ReportingYear.PublicStatus, negate: false);

    /// <summary>A year visitors may not read yet (draft, or under review).</summary>
    public static Expression<Func<ReportingYear, bool>> HiddenYear { get; } = OnStatus(ReportingYear.PublicStatus, negate: true);

    /// <summary>The years the reader may see.</summary>
    public static IQueryable<ReportingYear> VisibleTo(this IQueryable<ReportingYear> years, YearVisibility visibility) =>
        visibility == YearVisibility.Everything ? years : years.Where(PublicYear);

    /// <summary>
    /// The statistic facts the reader may see: all for staff; for visitors, every fact except
    /// those of a reporting year that is not public yet. Facts of years that are not reporting
    /// years (the prior-year comparisons and the fifty-year history the reports give) come from
    /// published reports and are public.
    /// </summary>
    public static IQueryable<StatisticFact> VisibleFacts(this UnvDbContext db, YearVisibility visibility) =>
        visibility == YearVisibility.Everything
            ? db.StatisticFacts.AsNoTracking()
            : db.StatisticFacts.AsNoTracking().Where(f => !db.ReportingYears.Where(HiddenYear).Any(y => y.Year == f.Year));

    /// <summary>False for a year whose figures the reader may not see: for a visitor, a reporting year that is not public yet.</summary>
    public static async Task<bool> MaySeeYearAsync(this UnvDbContext db, int year, YearVisibility visibility, CancellationToken cancellationToken) =>
        visibility == YearVisibility.Everything
        || !await db.ReportingYears.Where(HiddenYear).AnyAsync(y => y.Year == year, cancellationToken);

    /// <summary>
    /// The frameworks visitors may read about: those with a public year. Anything that shows a
    /// framework's figures, or whose change the public would notice (new bands recolour its
    /// published years), asks this.
    /// </summary>
    public static IQueryable<StrategicFramework> PublicFrameworks(this UnvDbContext db) =>
        db.Frameworks.Where(f => db.ReportingYears.Where(PublicYear).Any(y => y.FrameworkId == f.Id));

    /// <summary>"year => rule(year.Status)", so that the years are filtered in SQL by the domain's rule on statuses.</summary>
    private static Expression<Func<ReportingYear, bool>> OnStatus(Expression<Func<ReportingStatus, bool>> rule, bool negate)
    {
        var year = Expression.Parameter(typeof(ReportingYear), "year");
        var body = new ReplaceParameter(rule.Parameters[0], Expression.Property(year, nameof(ReportingYear.Status))).Visit(rule.Body);
        return Expression.Lambda<Func<ReportingYear, bool>>(negate ? Expression.Not(body) : body, year);
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
