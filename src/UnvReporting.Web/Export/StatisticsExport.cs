using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Statistics;
using UnvReporting.Web.Api.V1;
using UnvReporting.Web.Data;
using UnvReporting.Web.Statistics;
using UnvReporting.Web.Indicators;

namespace UnvReporting.Web.Export;

/// <summary>
/// The statistics exports: every fact of a year with its metric, breakdown, unit and source,
/// read as a stream. A fact is hidden from visitors when its year is a reporting year that is not
/// published yet; facts of years without a reporting year (the 2018 comparison figures) are public.
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

    public static async IAsyncEnumerable<object?[]> RowsAsync(UnvDbContext db, int year, YearVisibility visibility, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var rows =
            from f in db.Visible(visibility).Where(f => f.Year == year)
            join m in db.Metrics on f.MetricKey equals m.Key
            orderby f.MetricKey, f.Dimension, f.Member
            select new
            {
                f.Year,
                f.MetricKey,
                m.NameEn,
                m.NameZh,
                m.Unit,
                f.Dimension,
                f.Member,
                MemberEn = db.DimensionMembers.Where(d => d.DimensionKey == f.Dimension && d.Key == f.Member).Select(d => d.NameEn).FirstOrDefault(),
                MemberZh = db.DimensionMembers.Where(d => d.DimensionKey == f.Dimension && d.Key == f.Member).Select(d => d.NameZh).FirstOrDefault(),
                f.Value,
                f.Qualifier,
                f.Source.DocumentSymbol,
                f.Source.Locator,
                f.Note,
            };
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return
            [
                r.Year, r.MetricKey, r.NameEn, r.NameZh, Words.Unit(r.Unit), r.Dimension, r.Member, r.MemberEn, r.MemberZh,
                r.Value, Words.Qualifier(r.Qualifier), $"{r.DocumentSymbol} {r.Locator}", r.Note,
            ];
        }
    }
}
