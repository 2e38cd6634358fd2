namespace UnvReporting.Web.Features.Statistics;

/// <summary>
/// The people's names of metrics and dimension members, in both languages, for the statistics
/// pages. Facts carry only keys; the names are few, so they are read whole and looked up here.
/// </summary>
public sealed class StatisticNames
{
    private readonly Dictionary<string, MetricName> _metrics;
    private readonly Dictionary<(string Dimension, string Member), (string En, string Zh)> _members;

    private StatisticNames(Dictionary<string, MetricName> metrics, Dictionary<(string, string), (string, string)> members)
    {
        _metrics = metrics;
        _members = members;
    }

    /// <summary>Every metric, in the order of its name in the current language.</summary>
    public IReadOnlyList<MetricName> Metrics => _metrics.Values.OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList();

    /// <summary>
    /// Both lists in one query (a UNION ALL; a row with a dimension is a member, one without a metric): every statistics page and API answer reads them, and
    /// with the output cache off a query's fixed cost (a connection from the pool, a statement
    /// prepared) is most of what such a small read costs.
    /// </summary>
    public static async Task<StatisticNames> LoadAsync(UnvDbContext db, CancellationToken cancellationToken)
    {
        // Anonymous rows: EF Core can put a set operation only over projections it can see into.
        var rows = await db.Metrics.AsNoTracking()
            .Select(m => new { Dimension = (string?)null, m.Key, m.NameEn, m.NameZh, Unit = (Unit?)m.Unit })
            .Concat(db.DimensionMembers.AsNoTracking().Select(m => new { Dimension = (string?)m.DimensionKey, m.Key, m.NameEn, m.NameZh, Unit = (Unit?)null }))
            .ToListAsync(cancellationToken);
        return new StatisticNames(
            rows.Where(r => r.Dimension is null).ToDictionary(r => r.Key, r => new MetricName(r.Key, r.NameEn, r.NameZh, r.Unit!.Value)),
            rows.Where(r => r.Dimension is not null).ToDictionary(r => (r.Dimension!, r.Key), r => (r.NameEn, r.NameZh)));
    }

    public bool IsMetric(string? key) => key is not null && _metrics.ContainsKey(key);

    public MetricName Metric(string key) => _metrics[key];

    /// <summary>A member's name in the current language; its key when the database has no name for it (a group such as "online volunteers").</summary>
    public string Member(string dimension, string member) =>
        _members.TryGetValue((dimension, member), out var name) ? Localization.Pick(name.En, name.Zh) : member;

    /// <summary>A member's names in both languages, or null when the database has none for it.</summary>
    public (string En, string Zh)? MemberNames(string dimension, string member) =>
        _members.TryGetValue((dimension, member), out var name) ? name : null;

    public sealed record MetricName(string Key, string NameEn, string NameZh, Unit Unit)
    {
        public string Name => Localization.Pick(NameEn, NameZh);
    }
}
