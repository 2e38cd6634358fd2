using Microsoft.AspNetCore.OutputCaching;
using UnvReporting.Web.Features.Indicators;
using UnvReporting.Web.Platform.Caching;

namespace UnvReporting.Web.Features;

/// <summary>
/// The home page: the latest published year with indicators at a glance (colour summary, headline
/// volunteer figures), then every published year, the public frameworks and the reports the
/// figures come from. Every count is of what the public may see.
/// </summary>
[OutputCache(PolicyName = PublishedCache.Policy)]
public sealed class IndexModel(UnvDbContext db) : PageModel
{
    /// <summary>The volunteer figures the home page leads with, in this order.</summary>
    public static readonly string[] HeadlineMetrics =
        ["volunteers_deployed", "countries_served", "un_entities_served", "women_share", "financial_value_usd"];

    public YearTable? Latest { get; private set; }

    public IReadOnlyList<Headline> Headlines { get; private set; } = [];

    public IReadOnlyList<YearRow> Years { get; private set; } = [];

    public IReadOnlyList<FrameworkRow> Frameworks { get; private set; } = [];

    public IReadOnlyList<SourceRow> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Years = await db.ReportingYears.AsNoTracking().VisibleTo(YearVisibility.PublishedOnly)
            .OrderByDescending(y => y.Year)
            .Select(y => new YearRow(
                y.Year,
                y.Framework.Code,
                y.DocumentSymbol,
                db.VisibleIndicatorYears(YearVisibility.PublishedOnly).Count(i => i.Year == y.Year),

                // Whether, not how many: counting a year's facts reads every one of them, and the
                // home page would slow down with each year of history.
                db.VisibleFacts(YearVisibility.PublishedOnly).Any(f => f.Year == y.Year),
                y.StatedSummary))
            .ToListAsync(cancellationToken);

        // A year published without indicators (statistics only) would lead with "0 of 0 indicators".
        if (Years.FirstOrDefault(y => y.Indicators > 0) is { Year: var latest })
        {
            Latest = await db.LoadYearTableAsync(latest, cancellationToken);
            var facts = await db.VisibleFacts(YearVisibility.PublishedOnly)
                .Where(f => f.Year == latest && f.Dimension == null && HeadlineMetrics.Contains(f.MetricKey))
                .Join(db.Metrics, f => f.MetricKey, m => m.Key, (f, m) => new Headline(m.Key, m.NameEn, m.NameZh, m.Unit, f.Value, f.Source.DocumentSymbol + " " + f.Source.Locator))
                .ToListAsync(cancellationToken);
            Headlines = facts.OrderBy(h => Array.IndexOf(HeadlineMetrics, h.Key)).ToList();
        }

        Frameworks = await db.PublicFrameworks().AsNoTracking()
            .OrderBy(f => f.StartYear)
            .Select(f => new FrameworkRow(
                f.Code,
                f.DocumentSymbol,
                f.Bands.GreenFrom,
                f.Bands.YellowFrom,
                db.Indicators.Count(i => i.FrameworkId == f.Id && db.VisibleIndicatorYears(YearVisibility.PublishedOnly).Any(iy => iy.IndicatorId == i.Id)),
                db.FrameworkAmbitions.Where(a => a.FrameworkId == f.Id).OrderBy(a => a.SortOrder).Select(a => new Bilingual(a.TextEn, a.TextZh)).ToList()))
            .ToListAsync(cancellationToken);

        Sources = await db.SourceDocuments.AsNoTracking()
            .OrderBy(d => d.Symbol)
            .Select(d => new SourceRow(d.Symbol, new Bilingual(d.TitleEn, d.TitleZh), d.Session))
            .ToListAsync(cancellationToken);
    }

    public sealed record Headline(string Key, string NameEn, string NameZh, Unit Unit, decimal Value, string Source);

    public sealed record YearRow(int Year, string Framework, string? Document, int Indicators, bool HasStatistics, StatedSummary? Stated);

    public sealed record FrameworkRow(string Code, string Document, int GreenFrom, int YellowFrom, int Indicators, IReadOnlyList<Bilingual> Ambitions);

    public sealed record SourceRow(string Symbol, Bilingual Title, string Session);

    /// <summary>A text the reports give in English and Chinese.</summary>
    public sealed record Bilingual(string En, string Zh)
    {
        public override string ToString() => Localization.Pick(En, Zh);
    }
}
