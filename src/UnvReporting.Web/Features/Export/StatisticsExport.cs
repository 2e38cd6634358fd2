using System.Runtime.CompilerServices;
using UnvReporting.Web.Features.Statistics;

namespace UnvReporting.Web.Features.Export;

/// <summary>
/// The statistics exports: every fact of a year with its metric, breakdown, unit and source,
/// read as a stream, of the facts the reader may see (<see cref="Visibility.VisibleFacts"/>).
/// </summary>
public static class StatisticsExport
{
    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("Year", ColumnKind.Whole, 7),
        new("Metric", ColumnKind.Text, 30),
        new("Metric (English)", ColumnKind.Text, 40),
        new("Metric (Chinese)", ColumnKind.Text, 24),
        new("Unit", ColumnKind.Text, 14),
        new("Dimension", ColumnKind.Text, 14),
        new("Member", ColumnKind.Text, 20),
        new("Member (English)", ColumnKind.Text, 30),
        new("Member (Chinese)", ColumnKind.Text, 20),
        new("Value", ColumnKind.Number, 14),
        new("Qualifier", ColumnKind.Text, 12),
        new("Source", ColumnKind.Text, 26),
        new("Note", ColumnKind.Text, 50),
    ];

    /// <summary>How many rows <see cref="RowsAsync"/> gives: an XLSX sheet's filter names its last row before the rows are written.</summary>
    public static Task<int> CountAsync(UnvDbContext db, int? year, YearVisibility visibility, CancellationToken cancellationToken) =>
        Facts(db, year, visibility).CountAsync(cancellationToken);

    /// <summary>The facts of one year, or of every year the reader may see when <paramref name="year"/> is null.</summary>
    public static async IAsyncEnumerable<object?[]> RowsAsync(UnvDbContext db, int? year, YearVisibility visibility, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var facts = Facts(db, year, visibility);

        // The names come from memory, not from joins: the few metrics and members are read once,
        // and a million rows then carry no name strings of their own (reading those strings was
        // what the history export spent its time on; docs/performance.md, second round).
        var names = await StatisticNames.LoadAsync(db, cancellationToken);
        var rows = facts
            .OrderBy(f => f.Year).ThenBy(f => f.MetricKey).ThenBy(f => f.Dimension).ThenBy(f => f.Member)
            .Select(f => new { f.Year, f.MetricKey, f.Dimension, f.Member, f.Value, f.Qualifier, f.Source.DocumentSymbol, f.Source.Locator, f.Note });
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            // A metric defined after the names were read (rare: admins define them) goes out with its key alone.
            var metric = names.IsMetric(r.MetricKey) ? names.Metric(r.MetricKey) : null;
            var member = r.Dimension is { } dimension && r.Member is { } key ? names.MemberNames(dimension, key) : null;
            yield return
            [
                r.Year, r.MetricKey, metric?.NameEn, metric?.NameZh, metric?.Unit, r.Dimension, r.Member, member?.En, member?.Zh,
                metric is null ? r.Value : new Measure(r.Value, metric.Unit), r.Qualifier, $"{r.DocumentSymbol} {r.Locator}", r.Note,
            ];
        }
    }

    private static IQueryable<StatisticFact> Facts(UnvDbContext db, int? year, YearVisibility visibility)
    {
        var facts = db.VisibleFacts(visibility);

        // A plain equality, not "@year IS NULL OR ...", so the (Year, Metric, ...) index serves it.
        return year is { } only ? facts.Where(f => f.Year == only) : facts;
    }
}
