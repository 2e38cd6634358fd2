using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Reporting;
using UnvReporting.Web.Data;

namespace UnvReporting.Web.Pages;

/// <summary>
/// The home page: the published reporting years with their framework and source report, the
/// frameworks on record, and the reports the figures come from.
/// </summary>
public sealed class IndexModel(UnvDbContext db) : PageModel
{
    public IReadOnlyList<YearRow> Years { get; private set; } = [];

    public IReadOnlyList<FrameworkRow> Frameworks { get; private set; } = [];

    public IReadOnlyList<SourceRow> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Years = await db.ReportingYears.AsNoTracking()
            .Where(y => y.Status == ReportingStatus.Published)
            .OrderByDescending(y => y.Year)
            .Select(y => new YearRow(
                y.Year,
                y.Framework.Code,
                y.DocumentSymbol,
                db.IndicatorYears.Count(i => i.Year == y.Year),
                db.StatisticFacts.Count(f => f.Year == y.Year),
                y.StatedSummary))
            .ToListAsync(cancellationToken);

        Frameworks = await db.Frameworks.AsNoTracking()
            .OrderBy(f => f.StartYear)
            .Select(f => new FrameworkRow(
                f.Code,
                f.DocumentSymbol,
                f.Bands.GreenFrom,
                f.Bands.YellowFrom,
                db.Indicators.Count(i => i.FrameworkId == f.Id),
                db.FrameworkAmbitions.Where(a => a.FrameworkId == f.Id).OrderBy(a => a.SortOrder).Select(a => a.TextEn).ToList()))
            .ToListAsync(cancellationToken);

        Sources = await db.SourceDocuments.AsNoTracking()
            .OrderBy(d => d.Symbol)
            .Select(d => new SourceRow(d.Symbol, d.TitleEn, d.Session))
            .ToListAsync(cancellationToken);
    }

    public sealed record YearRow(int Year, string Framework, string? Document, int Indicators, int StatisticFacts, StatedSummary? Stated);

    public sealed record FrameworkRow(string Code, string Document, int GreenFrom, int YellowFrom, int Indicators, IReadOnlyList<string> Ambitions);

    public sealed record SourceRow(string Symbol, string Title, string Session);
}
