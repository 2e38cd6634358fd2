using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Scoring;

/// <summary>One reported year of an indicator, as the progress calculation reads it.</summary>
public sealed record ProgressYear(int Year, decimal? Milestone, decimal? Result);

/// <summary>
/// Where an indicator stands against the framework's end: the end target, the latest result and
/// its score against that target (rated by the framework's bands like any score).
/// </summary>
public sealed record IndicatorProgress(int? TargetYear, decimal? EndTarget, int? LatestYear, decimal? Latest, Score Score);

/// <summary>
/// Progress of an indicator toward the end of its framework, and the cumulative achievement over
/// a span of years as the mid-term review computes it. Both go through
/// <see cref="ScoreCalculator.Calculate"/>, so direction, grey cases and rounding are the year
/// table's (docs/scoring.md).
/// </summary>
public static class ProgressCalculator
{
    /// <summary>
    /// The end target is the one the framework's plan sets (<paramref name="plannedTarget"/>);
    /// without a plan, the milestone the framework sets for its last year: the reports set a
    /// milestone for each year, and the last one is where the framework means to arrive. The
    /// latest result is the most recent year that has one; for a cumulative indicator it is
    /// already the running total since the framework began. Grey when either is missing.
    /// </summary>
    public static IndicatorProgress Toward(IReadOnlyCollection<ProgressYear> years, int endYear, Direction direction, RatingBands bands, decimal? plannedTarget = null)
    {
        var target = plannedTarget ?? years.FirstOrDefault(y => y.Year == endYear)?.Milestone;
        var latest = years.Where(y => y.Result is not null).MaxBy(y => y.Year);
        var score = ScoreCalculator.Calculate(target, latest?.Result, direction, bands);
        return new IndicatorProgress(target is null ? null : endYear, target, latest?.Year, latest?.Result, score);
    }

    /// <summary>
    /// The achievement over <paramref name="fromYear"/>..<paramref name="toYear"/> as a share of
    /// what was planned: a cumulative indicator's last result over its last milestone (both are
    /// running totals already); any other indicator's results added up over its milestones added
    /// up. Null unless every year of the span is given with a milestone and a result: a share of a
    /// partial span would compare unlike things.
    /// </summary>
    public static Score? Cumulative(IReadOnlyCollection<ProgressYear> years, int fromYear, int toYear, bool cumulative, Direction direction, RatingBands bands)
    {
        var span = new List<ProgressYear>();
        for (var year = fromYear; year <= toYear; year++)
        {
            var given = years.FirstOrDefault(y => y.Year == year);
            if (given is not { Milestone: not null, Result: not null })
            {
                return null;
            }

            span.Add(given);
        }

        if (span.Count == 0)
        {
            return null;
        }

        return cumulative
            ? ScoreCalculator.Calculate(span[^1].Milestone, span[^1].Result, direction, bands)
            : ScoreCalculator.Calculate(span.Sum(y => y.Milestone!.Value), span.Sum(y => y.Result!.Value), direction, bands);
    }

    /// <summary>How many indicators are green, yellow, red and grey against the end target.</summary>
    public static RatingCounts Summarize(IEnumerable<IndicatorProgress> progress) =>
        progress.Aggregate(RatingCounts.None, (counts, p) => counts.Add(p.Score.Rating));
}
