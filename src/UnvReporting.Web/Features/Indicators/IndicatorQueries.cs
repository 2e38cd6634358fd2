using System.Linq.Expressions;

namespace UnvReporting.Web.Features.Indicators;

/// <summary>
/// The read queries that pages and the API share. Each is one projected, no-tracking SQL query
/// whatever the number of years or indicators; scoring happens afterwards, in the domain.
/// Visitors see published years, and the figures of other years that a published report prints;
/// staff (<see cref="YearVisibility.Everything"/>) also see draft and submitted years
/// (<see cref="Visibility"/>).
/// </summary>
public static class IndicatorQueries
{
    public static Task<List<YearHeading>> PublishedYearsAsync(this UnvDbContext db, CancellationToken cancellationToken) =>
        db.VisibleYearsAsync(YearVisibility.PublishedOnly, cancellationToken);

    public static Task<List<YearHeading>> VisibleYearsAsync(this UnvDbContext db, YearVisibility visibility, CancellationToken cancellationToken) =>
        db.ReportingYears.AsNoTracking().VisibleTo(visibility)
            .OrderBy(y => y.Year)
            .Select(y => new YearHeading(y.Year, y.Framework.Code, y.Status, y.DocumentSymbol, y.StatedSummary, y.Framework.Bands.GreenFrom, y.Framework.Bands.YellowFrom))
            .ToListAsync(cancellationToken);

    /// <summary>A year's scored table, or null when the year is unknown or not visible.</summary>
    public static async Task<YearTable?> LoadYearTableAsync(this UnvDbContext db, int year, CancellationToken cancellationToken, YearVisibility visibility = YearVisibility.PublishedOnly)
    {
        var heading = await db.ReportingYears.AsNoTracking().VisibleTo(visibility)
            .Where(y => y.Year == year)
            .Select(y => new YearHeading(y.Year, y.Framework.Code, y.Status, y.DocumentSymbol, y.StatedSummary, y.Framework.Bands.GreenFrom, y.Framework.Bands.YellowFrom))
            .SingleOrDefaultAsync(cancellationToken);
        return heading is null ? null : await db.LoadYearTableAsync(heading, cancellationToken, visibility);
    }

    /// <summary>The scored table of a year whose heading the caller already read (with <see cref="VisibleYearsAsync"/>).</summary>
    public static async Task<YearTable> LoadYearTableAsync(this UnvDbContext db, YearHeading heading, CancellationToken cancellationToken, YearVisibility visibility = YearVisibility.PublishedOnly)
    {
        var rows = await db.Rows(iy => iy.Year == heading.Year, visibility).ToListAsync(cancellationToken);
        return new YearTable(heading, Score(InReportOrder(rows)));
    }

    /// <summary>
    /// For each indicator, by key, its scored figures in the latest reporting year before
    /// <paramref name="year"/> that has it and that the reader may see as a year (a draft year is
    /// never a visitor's previous year, even where a published report prints its figures). One
    /// query for the whole table, whatever the number of indicators or years.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, ScoredIndicatorYear>> LoadPreviousYearsAsync(this UnvDbContext db, int year, CancellationToken cancellationToken, YearVisibility visibility = YearVisibility.PublishedOnly)
    {
        var earlier = db.ReportingYears.VisibleTo(visibility).Where(y => y.Year < year).Select(y => y.Year);

        // Each key's latest earlier year, grouped once and joined: the same rule written as a MAX
        // per row, correlated on the key (which has no index of its own), took minutes at 50 years
        // of 500 indicators on SQLite, and so did EF's EXISTS ... HAVING form of it.
        var latest = db.IndicatorYears.Where(other => earlier.Contains(other.Year))
            .GroupBy(other => other.Indicator.Key)
            .Select(g => new { Key = g.Key, Year = g.Max(other => other.Year) });
        var previous =
            from iy in db.VisibleIndicatorYears(visibility)
            join l in latest on new { iy.Indicator.Key, iy.Year } equals new { l.Key, l.Year }
            select iy;
        var rows = await db.Rows(previous).ToListAsync(cancellationToken);
        return Score(rows).DistinctBy(r => r.Figures.Key).ToDictionary(r => r.Figures.Key);
    }

    /// <summary>
    /// Every visible year of the indicators with this key, oldest first. Keys are unique
    /// within a framework; across frameworks the rows carry their framework code.
    /// </summary>
    public static async Task<IReadOnlyList<ScoredIndicatorYear>> LoadIndicatorHistoryAsync(this UnvDbContext db, string key, CancellationToken cancellationToken, YearVisibility visibility = YearVisibility.PublishedOnly)
    {
        var rows = await db.Rows(iy => iy.Indicator.Key == key, visibility).ToListAsync(cancellationToken);
        return Score(rows.OrderBy(r => r.Year));
    }

    /// <summary>Every visible indicator-year of one framework, scored, in report order and oldest year first.</summary>
    public static async Task<IReadOnlyList<ScoredIndicatorYear>> LoadFrameworkRowsAsync(this UnvDbContext db, int frameworkId, CancellationToken cancellationToken, YearVisibility visibility = YearVisibility.PublishedOnly)
    {
        var rows = await db.Rows(iy => iy.Indicator.FrameworkId == frameworkId, visibility).ToListAsync(cancellationToken);
        return Score(InReportOrder(rows).ThenBy(r => r.Year));
    }

    /// <summary>
    /// The order of the reports: each outcome, its own indicators, then its outputs with
    /// theirs; institutional effectiveness last (it sorts after the outcomes).
    /// </summary>
    public static IOrderedEnumerable<IndicatorYearRow> InReportOrder(IEnumerable<IndicatorYearRow> rows) =>
        rows.OrderBy(r => r.ParentSortOrder ?? r.AreaSortOrder)
            .ThenBy(r => r.AreaKind == ResultAreaKind.Output ? 1 : 0)
            .ThenBy(r => r.AreaSortOrder)
            .ThenBy(r => r.SortOrder);

    private static List<ScoredIndicatorYear> Score(IEnumerable<IndicatorYearRow> rows) =>
        rows.Select(r => new ScoredIndicatorYear(r, r.Assess())).ToList();

    // The filter goes in before the projection: EF cannot see through the row's constructor.
    private static IQueryable<IndicatorYearRow> Rows(this UnvDbContext db, Expression<Func<IndicatorYear, bool>> filter, YearVisibility visibility) =>
        db.Rows(db.VisibleIndicatorYears(visibility).Where(filter));

    private static IQueryable<IndicatorYearRow> Rows(this UnvDbContext db, IQueryable<IndicatorYear> indicatorYears) =>
        from iy in indicatorYears
        join year in db.ReportingYears on iy.Year equals year.Year
        join framework in db.Frameworks on iy.Indicator.FrameworkId equals framework.Id
        select new IndicatorYearRow(
            iy.Year,
            framework.Code,
            iy.Indicator.Key,
            iy.CodeAsPublished,
            iy.Indicator.SortOrder,
            iy.Indicator.Area.Kind,
            iy.Indicator.Area.Code,
            iy.Indicator.Area.TitleEn,
            iy.Indicator.Area.TitleZh,
            iy.Indicator.Area.SortOrder,
            iy.Indicator.Area.Parent != null ? iy.Indicator.Area.Parent!.Code : null,
            iy.Indicator.Area.Parent != null ? iy.Indicator.Area.Parent!.TitleEn : null,
            iy.Indicator.Area.Parent != null ? iy.Indicator.Area.Parent!.TitleZh : null,
            iy.Indicator.Area.Parent != null ? iy.Indicator.Area.Parent!.SortOrder : null,
            iy.Definition.TitleEn,
            iy.Definition.TitleZh,
            iy.Definition.Unit,
            iy.Definition.IsCumulative,
            iy.Definition.Direction,
            iy.Milestone,
            iy.Result,
            iy.PublishedScorePercent,
            iy.PublishedRating,
            iy.PublishedRatingBasis,
            iy.Source.DocumentSymbol,
            iy.Source.Locator,
            iy.NarrativeEn,
            iy.NarrativeZh,
            iy.Note,
            framework.Bands.GreenFrom,
            framework.Bands.YellowFrom)
        {
            Status = year.Status,
            RevisedOn = iy.RevisedOn,
            RevisionReason = iy.RevisionReason,
            MissingDataReason = iy.MissingDataReason,
            Version = EF.Property<uint>(iy, ConcurrencyVersion.PropertyName),
        };
}
