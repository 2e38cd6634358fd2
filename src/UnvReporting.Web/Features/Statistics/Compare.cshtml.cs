using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Statistics;
using UnvReporting.Web.Platform.Caching;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Security;

namespace UnvReporting.Web.Features.Statistics;

/// <summary>
/// Two years' statistics side by side, each figure with its source and, where both years have
/// it, the change: <c>/statistics/compare?a=2019&amp;b=2021</c>. Without years, the latest two
/// published years that have statistics; with only the second, such a year before it.
/// </summary>
[OutputCache(PolicyName = PublishedCache.Policy, VaryByQueryKeys = new[] { "a", "b" })]
public sealed class CompareModel(UnvDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? A { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? B { get; set; }

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
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
            return NotFound();
        }

        // Only the facts decide the answer, never whether a year is a reporting year: a draft
        // then answers as a year that does not exist, and nobody can tell that it does.
        var visibility = await StaffReader.VisibilityAsync(HttpContext);
        var facts = await db.StatisticsOfYearsAsync([a, b], visibility, cancellationToken);
        if (facts.Count == 0)
        {
            return NotFound();
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
        return Page();
    }

    /// <summary>One statistic, overall or for one breakdown, in the two years; either may be missing.</summary>
    public sealed record Line(string Name, string? Breakdown, Domain.Unit Unit, StatisticRow? InA, StatisticRow? InB);
}
