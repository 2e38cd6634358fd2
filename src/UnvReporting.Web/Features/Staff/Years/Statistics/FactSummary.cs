namespace UnvReporting.Web.Features.Staff.Years.Statistics;

/// <summary>
/// A statistic as the staff pages show it: the metric's name and unit, the breakdown's name, the
/// figure, its source, its version, and the published report that prints it (null when none does),
/// which decides who may change it (<see cref="UnvReporting.Domain.Reporting.ReportingYear.EditRuleFor(UnvReporting.Domain.Staff.StaffRole, string?)"/>).
/// </summary>
public sealed record FactSummary(
    long Id,
    string MetricKey,
    string MetricName,
    Unit Unit,
    string? Dimension,
    string? DimensionName,
    string? MemberName,
    decimal Value,
    Qualifier Qualifier,
    string Source,
    string? Note,
    string Version,
    string? PrintedIn)
{
    public string Breakdown => StatisticText.Breakdown(DimensionName, MemberName);

    public string ValueText => StatisticText.Value(Value, Unit);

    /// <summary>The facts given, with names, ordered by metric name then breakdown, in one query.</summary>
    public static IQueryable<FactSummary> Query(UnvDbContext db, IQueryable<StatisticFact> facts) =>
        from f in facts.AsNoTracking()
        join m in db.Metrics on f.MetricKey equals m.Key
        orderby m.NameEn, f.Dimension, f.Member
        select new FactSummary(
            f.Id,
            m.Key,
            m.NameEn,
            m.Unit,
            f.Dimension,
            db.Dimensions.Where(d => d.Key == f.Dimension).Select(d => d.NameEn).FirstOrDefault(),
            db.DimensionMembers.Where(d => d.DimensionKey == f.Dimension && d.Key == f.Member).Select(d => d.NameEn).FirstOrDefault(),
            f.Value,
            f.Qualifier,
            f.Source.DocumentSymbol + " " + f.Source.Locator,
            f.Note,
            ConcurrencyVersion.Format(EF.Property<uint>(f, ConcurrencyVersion.PropertyName)),
            db.PublishedReports().Contains(f.Source.DocumentSymbol) ? f.Source.DocumentSymbol : null);

    public static Task<FactSummary?> FindAsync(UnvDbContext db, int year, long id, CancellationToken cancellationToken) =>
        Query(db, db.StatisticFacts.Where(f => f.Year == year && f.Id == id)).SingleOrDefaultAsync(cancellationToken);
}
