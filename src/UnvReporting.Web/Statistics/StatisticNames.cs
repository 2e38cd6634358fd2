using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain;
using UnvReporting.Web.Data;
using UnvReporting.Web.Infrastructure;

namespace UnvReporting.Web.Statistics;

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

    public static async Task<StatisticNames> LoadAsync(UnvDbContext db, CancellationToken cancellationToken)
    {
        var metrics = await db.Metrics.AsNoTracking()
            .Select(m => new MetricName(m.Key, m.NameEn, m.NameZh, m.Unit))
            .ToDictionaryAsync(m => m.Key, cancellationToken);
        var members = await db.DimensionMembers.AsNoTracking()
            .Select(m => new { m.DimensionKey, m.Key, m.NameEn, m.NameZh })
            .ToListAsync(cancellationToken);
        return new StatisticNames(metrics, members.ToDictionary(m => (m.DimensionKey, m.Key), m => (m.NameEn, m.NameZh)));
    }

    public bool IsMetric(string? key) => key is not null && _metrics.ContainsKey(key);

    public MetricName Metric(string key) => _metrics[key];

    /// <summary>A member's name in the current language; its key when the database has no name for it (a group such as "online volunteers").</summary>
    public string Member(string dimension, string member) =>
        _members.TryGetValue((dimension, member), out var name) ? Localization.Pick(name.En, name.Zh) : member;

    public sealed record MetricName(string Key, string NameEn, string NameZh, Unit Unit)
    {
        public string Name => Localization.Pick(NameEn, NameZh);
    }
}
