namespace UnvReporting.Web.Features.Staff.Years.Statistics;

/// <summary>
/// A statistic as the staff pages show it: the metric's name and unit, the breakdown's name, the
/// figure, its source, its version, and the published report that prints it (null when none does),
/// which decides who may change it (<see cref="UnvReporting.Domain.Reporting.ReportingYear.EditRuleFor(UnvReporting.Domain.Staff.StaffRole, string?)"/>).
/// </summary>
public sealed record FactSummary(
    long Id,
    string MetricKey,
    string MetricNameEn,
    string MetricNameZh,
    Unit Unit,
    string? Dimension,
    string? DimensionNameEn,
    string? DimensionNameZh,
    string? MemberNameEn,
    string? MemberNameZh,
    decimal Value,
    Qualifier Qualifier,
    string Source,
    string? Note,
    string Version,
    string? PrintedIn)
{
    /// <summary>The metric's name in the reader's language.</summary>
    public string MetricName => Localization.Pick(MetricNameEn, MetricNameZh);

    /// <summary>The breakdown in English, as messages and the audit log word it.</summary>
    public string Breakdown => StatisticText.Breakdown(DimensionNameEn, MemberNameEn);

    public string ValueText => StatisticText.Value(Value, Unit);

    /// <summary>The breakdown in the reader's language, with the dimension's and member's own names in it.</summary>
    public string BreakdownIn(IStringLocalizer<SharedResource> text) =>
        StatisticText.Breakdown(DimensionNameEn is null ? null : Localization.Pick(DimensionNameEn, DimensionNameZh), MemberNameEn is null ? null : Localization.Pick(MemberNameEn, MemberNameZh), text);

    public string ValueIn(IStringLocalizer<SharedResource> text) => StatisticText.Value(Value, Unit, text);

    /// <summary>The facts given, with names, ordered by metric name then breakdown, in one query.</summary>
    public static IQueryable<FactSummary> Query(UnvDbContext db, IQueryable<StatisticFact> facts) =>
        from f in facts.AsNoTracking()
        join m in db.Metrics on f.MetricKey equals m.Key
        orderby m.NameEn, f.Dimension, f.Member
        select new FactSummary(
            f.Id,
            m.Key,
            m.NameEn,
            m.NameZh,
            m.Unit,
            f.Dimension,
            db.Dimensions.Where(d => d.Key == f.Dimension).Select(d => d.NameEn).FirstOrDefault(),
            db.Dimensions.Where(d => d.Key == f.Dimension).Select(d => d.NameZh).FirstOrDefault(),
            db.DimensionMembers.Where(d => d.DimensionKey == f.Dimension && d.Key == f.Member).Select(d => d.NameEn).FirstOrDefault(),
            db.DimensionMembers.Where(d => d.DimensionKey == f.Dimension && d.Key == f.Member).Select(d => d.NameZh).FirstOrDefault(),
            f.Value,
            f.Qualifier,
            f.Source.DocumentSymbol + " " + f.Source.Locator,
            f.Note,
            ConcurrencyVersion.Format(EF.Property<uint>(f, ConcurrencyVersion.PropertyName)),
            db.PublishedReports().Contains(f.Source.DocumentSymbol) ? f.Source.DocumentSymbol : null);

    public static Task<FactSummary?> FindAsync(UnvDbContext db, int year, long id, CancellationToken cancellationToken) =>
        Query(db, db.StatisticFacts.Where(f => f.Year == year && f.Id == id)).SingleOrDefaultAsync(cancellationToken);
}
