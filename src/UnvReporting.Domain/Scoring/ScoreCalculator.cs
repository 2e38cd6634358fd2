using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Scoring;

/// <summary>A computed score together with its disagreements with the published figures.</summary>
public sealed record Assessment(Score Score, IReadOnlyList<ScoreFlag> Flags);

/// <summary>
/// The one place where scores and colours are computed; pages, the API, exports and charts all
/// call it (docs/scoring.md). Cumulative indicators need no special case: their milestone and
/// result are stored as the reports give them, cumulative from the start of the framework.
/// </summary>
public static class ScoreCalculator
{
    /// <summary>
    /// Score = result ÷ milestone × 100 when higher is better, milestone ÷ result × 100 when lower
    /// is better; grey when a figure is missing, negative, or the divisor is zero.
    /// </summary>
    public static Score Calculate(decimal? milestone, decimal? result, Direction direction, RatingBands bands)
    {
        if (milestone is not { } target)
        {
            return Score.Grey(NotRateableReason.NoMilestone);
        }

        if (result is not { } achieved)
        {
            return Score.Grey(NotRateableReason.NoResult);
        }

        if (target < 0 || achieved < 0)
        {
            return Score.Grey(NotRateableReason.NegativeFigure);
        }

        var (numerator, divisor) = direction == Direction.HigherIsBetter ? (achieved, target) : (target, achieved);
        if (divisor == 0)
        {
            return Score.Grey(NotRateableReason.ZeroDivisor);
        }

        // Within the unit rules (at most 1e11, four decimals) the ratio is at most 1e17 percent,
        // inside decimal and long; figures outside them are refused rather than overflowing.
        return Score.Rated(CheckMagnitude(numerator) * 100 / CheckMagnitude(divisor), bands);
    }

    private static decimal CheckMagnitude(decimal figure) =>
        figure <= UnitRules.MaxMagnitude && decimal.Round(figure, UnitRules.MaxDecimalPlaces) == figure
            ? figure
            : throw new DomainException(
                DomainException.WholeObject,
                $"A figure to score must be at most {UnitRules.MaxMagnitude:N0} with at most {UnitRules.MaxDecimalPlaces} decimal places (got {figure}).");

    /// <summary>Flags where the computed whole percent or colour is not what the report published.</summary>
    public static IReadOnlyList<ScoreFlag> CompareWithPublished(Score computed, int? publishedScorePercent, Rating? publishedRating)
    {
        var flags = new List<ScoreFlag>(2);
        if (publishedScorePercent is { } published && computed.WholePercent != published)
        {
            flags.Add(new ScoreDiffersFromPublished(computed.WholePercent, published));
        }

        if (publishedRating is { } rating && computed.Rating != rating)
        {
            flags.Add(new RatingDiffersFromPublished(computed.Rating, rating));
        }

        return flags;
    }

    public static Assessment Assess(
        decimal? milestone,
        decimal? result,
        Direction direction,
        RatingBands bands,
        int? publishedScorePercent,
        Rating? publishedRating)
    {
        var score = Calculate(milestone, result, direction, bands);
        return new Assessment(score, CompareWithPublished(score, publishedScorePercent, publishedRating));
    }

    public static Assessment Assess(this IndicatorYear indicatorYear, RatingBands bands) =>
        Assess(
            indicatorYear.Milestone,
            indicatorYear.Result,
            indicatorYear.Definition.Direction,
            bands,
            indicatorYear.PublishedScorePercent,
            indicatorYear.PublishedRating);
}
