using Microsoft.AspNetCore.OutputCaching;
using UnvReporting.Web.Platform.Caching;

namespace UnvReporting.Web.Features.Statistics;

/// <summary>
/// One statistic across every year that has it, overall or for one breakdown, including the
/// history back to 1980 that the 2021 report gives. Chosen with a plain GET form, so a trend can
/// be bookmarked and linked: <c>/statistics/trends?metric=volunteers_deployed</c>.
/// </summary>
[OutputCache(PolicyName = PublishedCache.Policy, VaryByQueryKeys = new[] { "metric", "series", "handler" })]
public sealed class TrendsModel(UnvDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public const string DefaultMetric = "volunteers_deployed";

    [BindProperty(SupportsGet = true)]
    public string? Metric { get; set; }

    /// <summary>Empty for the overall figure, <c>dimension:member</c> for a breakdown ("region:Africa").</summary>
    [BindProperty(SupportsGet = true)]
    public string? Series { get; set; }

    public StatisticNames Names { get; private set; } = null!;

    public IReadOnlyList<(string Key, string Label)> SeriesOptions { get; private set; } = [];

    /// <summary>Null when no visible year has the statistic.</summary>
    public StatisticChart? Chart { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) && Chart is { } chart
            ? File(chart.Csv("metric", Metric!), "text/csv; charset=utf-8", $"unv-statistics-{Metric}.csv")
            : NotFound();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Names = await StatisticNames.LoadAsync(db, cancellationToken);
        Metric = string.IsNullOrEmpty(Metric) ? DefaultMetric : Metric;
        if (!Names.IsMetric(Metric))
        {
            return false;
        }

        var metric = Names.Metric(Metric);
        var facts = await db.StatisticsOfMetricAsync(Metric, await StaffReader.VisibilityAsync(HttpContext), cancellationToken);

        // The overall figure first, then the breakdowns by name; the databases sort nulls differently.
        SeriesOptions = facts.Select(f => (f.Dimension, f.Member)).Distinct()
            .Select(s => (Key: SeriesKey(s.Dimension, s.Member), Label: s.Dimension is null ? text["Overall"].Value : Names.Member(s.Dimension, s.Member!)))
            .OrderBy(s => s.Key.Length > 0).ThenBy(s => s.Label, StringComparer.CurrentCulture)
            .ToList();
        if (SeriesOptions.Count == 0)
        {
            return true;
        }

        var chosen = SeriesOptions.FirstOrDefault(s => s.Key == (Series ?? string.Empty));
        chosen = chosen.Label is null ? SeriesOptions[0] : chosen;
        Series = chosen.Key;
        var title = chosen.Key.Length == 0
            ? text["{0}, year by year", metric.Name].Value
            : text["{0} ({1}), year by year", metric.Name, chosen.Label].Value;
        Chart = new StatisticChart("trend", title, "trend", metric.Unit, facts
            .Where(f => SeriesKey(f.Dimension, f.Member) == chosen.Key)
            .Select(f => new ChartRow(f.Year.ToString(CultureInfo.InvariantCulture), f.Value, f.Qualifier, f.Source))
            .ToList());
        return true;
    }

    private static string SeriesKey(string? dimension, string? member) => dimension is null ? string.Empty : $"{dimension}:{member}";
}
