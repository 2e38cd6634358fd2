namespace UnvReporting.Web.Features.Statistics;

/// <summary>One statistic fact as the API, exports and pages read it, with its metric's unit.</summary>
public sealed record StatisticRow(int Year, string Metric, string? Dimension, string? Member, decimal Value, Unit Unit, Qualifier Qualifier, string SourceSymbol, string SourceLocator, string? Note)
{
    public string Source => $"{SourceSymbol} {SourceLocator}";
}

/// <summary>
/// The statistics reads shared by the API and the statistics pages (the exports stream theirs with
/// the same rule): one projected query each, over the facts the reader may see
/// (<see cref="Visibility.VisibleFacts"/>).
/// </summary>
public static class StatisticQueries
{
    public static Task<List<StatisticRow>> StatisticsOfYearAsync(this UnvDbContext db, int year, YearVisibility visibility, CancellationToken cancellationToken) =>
        db.VisibleFacts(visibility).Where(f => f.Year == year)
            .OrderBy(f => f.MetricKey).ThenBy(f => f.Dimension).ThenBy(f => f.Member)
            .Select(Row(db))
            .ToListAsync(cancellationToken);

    /// <summary>The facts of several years at once: a year with the year before it, or two years to compare.</summary>
    public static Task<List<StatisticRow>> StatisticsOfYearsAsync(this UnvDbContext db, IReadOnlyCollection<int> years, YearVisibility visibility, CancellationToken cancellationToken) =>
        db.VisibleFacts(visibility).Where(f => years.Contains(f.Year))
            .OrderBy(f => f.MetricKey).ThenBy(f => f.Dimension).ThenBy(f => f.Member).ThenBy(f => f.Year)
            .Select(Row(db))
            .ToListAsync(cancellationToken);

    /// <summary>The facts of some metrics in several years: what a page draws, however many other figures the years hold.</summary>
    public static Task<List<StatisticRow>> StatisticsOfYearsAsync(
        this UnvDbContext db, IReadOnlyCollection<int> years, IReadOnlyCollection<string> metrics, YearVisibility visibility, CancellationToken cancellationToken) =>
        db.VisibleFacts(visibility).Where(f => years.Contains(f.Year) && metrics.Contains(f.MetricKey))
            .OrderBy(f => f.MetricKey).ThenBy(f => f.Dimension).ThenBy(f => f.Member).ThenBy(f => f.Year)
            .Select(Row(db))
            .ToListAsync(cancellationToken);

    public static Task<List<StatisticRow>> StatisticsOfMetricAsync(this UnvDbContext db, string metric, YearVisibility visibility, CancellationToken cancellationToken) =>
        db.VisibleFacts(visibility).Where(f => f.MetricKey == metric)
            .OrderBy(f => f.Year).ThenBy(f => f.Dimension).ThenBy(f => f.Member)
            .Select(Row(db))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The published years that have statistics of their own, newest first: where the Statistics
    /// link leads and what compare starts from. A published year without statistics is left out,
    /// so that neither answers an empty page while an earlier year has figures.
    /// </summary>
    public static Task<List<int>> PublishedStatisticsYearsAsync(this UnvDbContext db, int count, CancellationToken cancellationToken) =>
        db.ReportingYears.AsNoTracking().VisibleTo(YearVisibility.PublishedOnly)
            .Where(y => db.VisibleFacts(YearVisibility.PublishedOnly).Any(f => f.Year == y.Year))
            .OrderByDescending(y => y.Year)
            .Select(y => y.Year)
            .Take(count)
            .ToListAsync(cancellationToken);

    /// <summary>True when the year has a fact the reader may see.</summary>
    public static Task<bool> HasVisibleFactsAsync(this UnvDbContext db, int year, YearVisibility visibility, CancellationToken cancellationToken) =>
        db.VisibleFacts(visibility).AnyAsync(f => f.Year == year, cancellationToken);

    /// <summary>
    /// True when the year is a reporting year the reader may see, or has facts the reader may see;
    /// what the API and the exports answer 404 to otherwise.
    /// </summary>
    public static async Task<bool> HasVisibleStatisticsYearAsync(this UnvDbContext db, int year, YearVisibility visibility, CancellationToken cancellationToken) =>
        await db.ReportingYears.VisibleTo(visibility).AnyAsync(y => y.Year == year, cancellationToken)
        || await db.HasVisibleFactsAsync(year, visibility, cancellationToken);

    private static System.Linq.Expressions.Expression<Func<StatisticFact, StatisticRow>> Row(UnvDbContext db) =>
        f => new StatisticRow(
            f.Year, f.MetricKey, f.Dimension, f.Member, f.Value,
            db.Metrics.Where(m => m.Key == f.MetricKey).Select(m => m.Unit).Single(),
            f.Qualifier, f.Source.DocumentSymbol, f.Source.Locator, f.Note);
}
