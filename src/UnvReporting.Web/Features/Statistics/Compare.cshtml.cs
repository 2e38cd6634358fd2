using Microsoft.AspNetCore.OutputCaching;
using UnvReporting.Web.Platform.Caching;

namespace UnvReporting.Web.Features.Statistics;

/// <summary>
/// Two years' statistics side by side, each figure with its source and, where both years have
/// it, the change: <c>/statistics/compare?a=2019&amp;b=2021</c>. Without years, the latest two
/// published years that have statistics; with only the second, such a year before it.
/// Beside the table, a chart of the change of every count and amount that both years give, with its CSV.
/// </summary>
[OutputCache(PolicyName = PublishedCache.Policy, VaryByQueryKeys = new[] { "a", "b", "handler" })]
public sealed class CompareModel(UnvDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? A { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? B { get; set; }

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    /// <summary>The change of each count and amount from the first year to the second; shares change in points and stay in the table.</summary>
    public StatisticChart Chart { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken)
            ? File(Chart.Csv("comparison", $"{A}-{B}"), "text/csv; charset=utf-8", $"unv-statistics-compare-{A}-{B}.csv")
            : NotFound();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (A is null || B is null)
        {
            var published = await db.PublishedStatisticsYearsAsync(int.MaxValue, cancellationToken);
            B ??= published.FirstOrDefault();
            A ??= published.Where(y => y < B).Select(y => (int?)y).FirstOrDefault() ?? B - 1;
        }

        int a = A.Value, b = B!.Value;
        if (a is < StatisticFact.MinYear or > StatisticFact.MaxYear || b is < StatisticFact.MinYear or > StatisticFact.MaxYear)
        {
            return false;
        }

        // Only the facts decide the answer, never whether a year is a reporting year: a draft
        // then answers as a year that does not exist, and nobody can tell that it does.
        var visibility = await StaffReader.VisibilityAsync(HttpContext);
        var facts = await db.StatisticsOfYearsAsync([a, b], visibility, cancellationToken);
        if (facts.Count == 0)
        {
            return false;
        }

        var names = await StatisticNames.LoadAsync(db, cancellationToken);
        Lines = facts.GroupBy(f => (f.Metric, f.Dimension, f.Member))
            .Select(g => new Line(
                names.Metric(g.Key.Metric).Name,
                g.Key.Dimension is null ? null : names.Member(g.Key.Dimension, g.Key.Member!),
                g.First().Unit,
                g.FirstOrDefault(f => f.Year == a),
                g.FirstOrDefault(f => f.Year == b)))
            .OrderBy(l => l.Name, StringComparer.CurrentCulture)
            .ThenBy(l => l.Breakdown is not null).ThenBy(l => l.Breakdown, StringComparer.CurrentCulture)
            .ToList();
        Chart = new StatisticChart("compare", text["Change from {0} to {1}", a, b], "bar", Unit.PercentChange, Lines
            .Where(l => l.Unit is not (Unit.Percent or Unit.PercentChange) && l.InA is { Value: not 0 } && l.InB is not null)
            .Select(l => new ChartRow(
                l.Breakdown is null ? l.Name : $"{l.Name}: {l.Breakdown}",
                decimal.Round((l.InB!.Value - l.InA!.Value) / l.InA.Value * 100, 1, MidpointRounding.AwayFromZero),

                // A change between two approximate figures is itself approximate.
                l.InA.Qualifier == Qualifier.Exact && l.InB.Qualifier == Qualifier.Exact ? Qualifier.Exact : Qualifier.Approximate,
                $"{l.InA.Source}; {l.InB.Source}"))
            .OrderByDescending(r => r.Value)
            .ToList());
        return true;
    }

    /// <summary>One statistic, overall or for one breakdown, in the two years; either may be missing.</summary>
    public sealed record Line(string Name, string? Breakdown, Domain.Unit Unit, StatisticRow? InA, StatisticRow? InB);
}
