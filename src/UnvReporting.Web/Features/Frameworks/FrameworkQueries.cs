using UnvReporting.Web.Features.Indicators;

namespace UnvReporting.Web.Features.Frameworks;

/// <summary>A strategic framework as its page heading and the list of frameworks need it.</summary>
public sealed record FrameworkHeading(int Id, string Code, int StartYear, int EndYear, string DocumentSymbol, int GreenFrom, int YellowFrom)
{
    public RatingBands Bands => new(GreenFrom, YellowFrom);

    public IEnumerable<int> Years => Enumerable.Range(StartYear, EndYear - StartYear + 1);
}

/// <summary>The mid-term review's published achievement for a span of years beside the one computed from the published years.</summary>
public sealed record ReviewFigure(int FromYear, int ToYear, int PublishedPercent, string Source, Score? Computed)
{
    /// <summary>True when both exist and the computed whole percent is not the published one.</summary>
    public bool Differs => Computed?.WholePercent is { } computed && computed != PublishedPercent;
}

/// <summary>What the framework's plan sets for an indicator before any year: its baseline and end target.</summary>
public sealed record IndicatorPlanFigures(string Key, decimal? Baseline, int? BaselineYear, decimal? EndTarget);

/// <summary>One indicator of a framework: its visible years, its progress to the end target, the review's figures and its plan (if any).</summary>
public sealed record IndicatorTrack(IReadOnlyList<ScoredIndicatorYear> Years, IndicatorProgress Progress, IReadOnlyList<ReviewFigure> Reviews, IndicatorPlanFigures? Plan = null)
{
    /// <summary>The latest year's row: the indicator's title, unit and place as they stand now.</summary>
    public IndicatorYearRow Latest => Years[^1].Figures;

    public ScoredIndicatorYear? In(int year) => Years.FirstOrDefault(y => y.Figures.Year == year);
}

/// <summary>A framework's page: every indicator's track and how many are on course for the end target.</summary>
public sealed record FrameworkProgressView(
    FrameworkHeading Heading,
    IReadOnlyList<int> ReportedYears,
    IReadOnlyList<IndicatorTrack> Indicators,
    IReadOnlyList<FrameworkAmbition> Ambitions)
{
    public RatingCounts Summary { get; } = ProgressCalculator.Summarize(Indicators.Select(i => i.Progress));
}

/// <summary>
/// Reads a framework's progress: five projected queries (heading, indicator-years, review
/// figures, ambitions, the plan's baselines and end targets) whatever the number of years or
/// indicators; the arithmetic is the domain's <see cref="ProgressCalculator"/>.
/// </summary>
public static class FrameworkQueries
{
    /// <summary>Staff see every framework; a visitor those the public may read about (<see cref="Visibility.PublicFrameworks"/>).</summary>
    public static IQueryable<StrategicFramework> VisibleFrameworks(this UnvDbContext db, YearVisibility visibility) =>
        visibility == YearVisibility.Everything ? db.Frameworks.AsNoTracking() : db.PublicFrameworks().AsNoTracking();

    public static Task<List<FrameworkHeading>> VisibleFrameworkHeadingsAsync(this UnvDbContext db, YearVisibility visibility, CancellationToken cancellationToken) =>
        db.VisibleFrameworks(visibility)
            .OrderBy(f => f.StartYear)
            .Select(f => new FrameworkHeading(f.Id, f.Code, f.StartYear, f.EndYear, f.DocumentSymbol, f.Bands.GreenFrom, f.Bands.YellowFrom))
            .ToListAsync(cancellationToken);

    /// <summary>The framework's progress, or null when it is unknown or the reader may not see it.</summary>
    public static async Task<FrameworkProgressView?> LoadProgressAsync(this UnvDbContext db, string code, YearVisibility visibility, CancellationToken cancellationToken)
    {
        var heading = await db.VisibleFrameworks(visibility)
            .Where(f => f.Code == code)
            .Select(f => new FrameworkHeading(f.Id, f.Code, f.StartYear, f.EndYear, f.DocumentSymbol, f.Bands.GreenFrom, f.Bands.YellowFrom))
            .SingleOrDefaultAsync(cancellationToken);
        if (heading is null)
        {
            return null;
        }

        var rows = await db.LoadFrameworkRowsAsync(heading.Id, cancellationToken, visibility);
        var reviews = await db.CumulativeAchievements.AsNoTracking()
            .Where(c => c.Indicator.FrameworkId == heading.Id)
            .Select(c => new { c.Indicator.Key, c.FromYear, c.ToYear, c.PercentOfTarget, c.Source.DocumentSymbol, c.Source.Locator })
            .ToListAsync(cancellationToken);
        var ambitions = await db.Set<FrameworkAmbition>().AsNoTracking()
            .Where(a => a.FrameworkId == heading.Id)
            .OrderBy(a => a.SortOrder)
            .ToListAsync(cancellationToken);

        // The plan is as public as the framework: the framework document sets it out.
        var plans = await db.Indicators.AsNoTracking()
            .Where(i => i.FrameworkId == heading.Id && (i.EndTarget != null || i.BaselineValue != null))
            .Select(i => new IndicatorPlanFigures(i.Key, i.BaselineValue, i.BaselineYear, i.EndTarget))
            .ToDictionaryAsync(p => p.Key, cancellationToken);

        var tracks = rows.GroupBy(r => r.Figures.Key).Select(group =>
        {
            var years = group.ToList();
            var latest = years[^1].Figures;
            var figures = years.Select(y => new ProgressYear(y.Figures.Year, y.Figures.Milestone, y.Figures.Result)).ToList();
            var plan = plans.GetValueOrDefault(group.Key);
            var progress = ProgressCalculator.Toward(figures, heading.EndYear, latest.Direction, heading.Bands, plan?.EndTarget);
            var review = reviews.Where(r => r.Key == group.Key).OrderBy(r => r.FromYear).ThenBy(r => r.ToYear)
                .Select(r => new ReviewFigure(r.FromYear, r.ToYear, r.PercentOfTarget, $"{r.DocumentSymbol} {r.Locator}",
                    ProgressCalculator.Cumulative(figures, r.FromYear, r.ToYear, latest.IsCumulative, latest.Direction, heading.Bands)))
                .ToList();
            return new IndicatorTrack(years, progress, review, plan);
        }).ToList();

        var reported = rows.Select(r => r.Figures.Year).Distinct().Order().ToList();
        return new FrameworkProgressView(heading, reported, tracks, ambitions);
    }
}
