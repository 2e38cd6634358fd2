using Microsoft.AspNetCore.OutputCaching;
using UnvReporting.Web.Platform.Caching;

namespace UnvReporting.Web.Features.Statistics;

/// <summary>
/// A year's volunteer statistics: headline tiles and charts, each chart with its table, its
/// sources, a PNG and a CSV of exactly its rows. The year before is read too, for the change.
/// </summary>
[OutputCache(PolicyName = PublishedCache.Policy, VaryByQueryKeys = new[] { "handler", "chart" })]
public sealed class YearModel(UnvDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public int Year { get; private set; }

    public YearFigures Figures { get; private set; } = null!;

    /// <summary>False for a published year that has no statistics (the page says so).</summary>
    public bool HasStatistics { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken) =>
        await LoadAsync(year, cancellationToken) ? Page() : NotFound();

    /// <summary>One chart's rows as CSV: <c>?handler=Csv&amp;chart=entities</c>.</summary>
    public async Task<IActionResult> OnGetCsvAsync(int year, string? chart, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, cancellationToken) || Figures.Charts.FirstOrDefault(c => c.Id == chart) is not { } found)
        {
            return NotFound();
        }

        return File(found.Csv("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "text/csv; charset=utf-8", $"unv-statistics-{year}-{found.Id}.csv");
    }

    private async Task<bool> LoadAsync(int year, CancellationToken cancellationToken)
    {
        // A published year without statistics has a page that says so; a year the reader may not
        // see, or one that does not exist, has no visible facts and is not a visible reporting
        // year, so it answers 404 the same either way.
        var visibility = await StaffReader.VisibilityAsync(HttpContext);
        var facts = await db.StatisticsOfYearsAsync([year, year - 1], YearFigures.Drawn, visibility, cancellationToken);
        if (!facts.Any(f => f.Year == year) && !await db.HasVisibleStatisticsYearAsync(year, visibility, cancellationToken))
        {
            return false;
        }

        Year = year;
        Figures = new YearFigures(year, facts, await StatisticNames.LoadAsync(db, cancellationToken), text);
        HasStatistics = facts.Any(f => f.Year == year) || await db.HasVisibleFactsAsync(year, visibility, cancellationToken);
        return true;
    }
}
