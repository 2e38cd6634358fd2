using System.Linq.Expressions;

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
    public static Expression<Func<ReportingYear, bool>> PublicYear { get; } = OnStatus(ReportingYear.PublicStatus);

    /// <summary>The years the reader may see.</summary>
    public static IQueryable<ReportingYear> VisibleTo(this IQueryable<ReportingYear> years, YearVisibility visibility) =>
        visibility == YearVisibility.Everything ? years : years.Where(PublicYear);

    /// <summary>
    /// The reports the public has read: the document symbols of the published years (DP/2020/14,
    /// DP/2022/24). A figure whose source is one of them is a printed figure.
    /// </summary>
    public static IQueryable<string> PublishedReports(this UnvDbContext db) =>
        db.ReportingYears.Where(PublicYear).Where(y => y.DocumentSymbol != null).Select(y => y.DocumentSymbol!);

    /// <summary>
    /// The statistic facts the reader may see: all for staff; for visitors, the facts of a
    /// published year and every printed figure, whatever its year. What the public saw stays:
    /// opening 2020 as a draft does not take back the 2020 figures DP/2022/24 prints beside 2021,
    /// nor the fifty-year history. A figure entered for a year not yet published stays staff-only.
    /// </summary>
    public static IQueryable<StatisticFact> VisibleFacts(this UnvDbContext db, YearVisibility visibility) =>
        visibility == YearVisibility.Everything
            ? db.StatisticFacts.AsNoTracking()
            : db.StatisticFacts.AsNoTracking().Where(f => db.ReportingYears.Where(PublicYear)
                .Any(y => y.Year == f.Year || y.DocumentSymbol == f.Source.DocumentSymbol));

    /// <summary>
    /// The indicator-years the reader may see: all for staff; for visitors, those of a published
    /// year and those printed in a published report (the same rule as <see cref="VisibleFacts"/>).
    /// A year's own table, summary and exports are still shown only for a published year
    /// (<see cref="VisibleTo"/>); this rule is for what crosses years: an indicator's history, a
    /// framework's progress.
    /// </summary>
    public static IQueryable<IndicatorYear> VisibleIndicatorYears(this UnvDbContext db, YearVisibility visibility) =>
        visibility == YearVisibility.Everything
            ? db.IndicatorYears.AsNoTracking()
            : db.IndicatorYears.AsNoTracking().Where(iy => db.ReportingYears.Where(PublicYear)
                .Any(y => y.Year == iy.Year || y.DocumentSymbol == iy.Source.DocumentSymbol));

    /// <summary>True when <paramref name="documentSymbol"/> is a published report, so that a figure it sources is printed.</summary>
    public static Task<bool> IsPublishedReportAsync(this UnvDbContext db, string? documentSymbol, CancellationToken cancellationToken) =>
        documentSymbol is null
            ? Task.FromResult(false)
            : db.ReportingYears.Where(PublicYear).AnyAsync(y => y.DocumentSymbol == documentSymbol, cancellationToken);

    /// <summary>
    /// The frameworks visitors may read about: one of its years is published, or a published
    /// report presents it (DP/2022/24 sets out the 2022-2025 ambitions). Never merely because an
    /// Admin created it. Anything that shows a framework's figures, or whose change the public
    /// would notice (new bands recolour its published years), asks this.
    /// </summary>
    public static IQueryable<StrategicFramework> PublicFrameworks(this UnvDbContext db) =>
        db.Frameworks.Where(f =>
            db.ReportingYears.Where(PublicYear).Any(y => y.FrameworkId == f.Id)
            || db.FrameworkAmbitions.Any(a => a.FrameworkId == f.Id && db.ReportingYears.Where(PublicYear).Any(y => y.DocumentSymbol == a.Source.DocumentSymbol)));

    /// <summary>"year => rule(year.Status)", so that the years are filtered in SQL by the domain's rule on statuses.</summary>
    private static Expression<Func<ReportingYear, bool>> OnStatus(Expression<Func<ReportingStatus, bool>> rule)
    {
        var year = Expression.Parameter(typeof(ReportingYear), "year");
        var body = new ReplaceParameter(rule.Parameters[0], Expression.Property(year, nameof(ReportingYear.Status))).Visit(rule.Body);
        return Expression.Lambda<Func<ReportingYear, bool>>(body, year);
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
