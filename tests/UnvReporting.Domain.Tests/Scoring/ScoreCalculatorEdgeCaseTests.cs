using System.Globalization;
using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Scoring;

namespace UnvReporting.Domain.Tests.Scoring;

/// <summary>Missing, zero, negative and extreme figures: when a score is grey, and why.</summary>
public class ScoreCalculatorEdgeCaseTests
{
    private static decimal? Dec(string? value) =>
        value is null ? null : decimal.Parse(value, CultureInfo.InvariantCulture);

    private static Score Calculate(string? milestone, string? result, Direction direction) =>
        ScoreCalculator.Calculate(Dec(milestone), Dec(result), direction, RatingBands.Default);

    [Theory]
    [InlineData(null, "10", Direction.HigherIsBetter, NotRateableReason.NoMilestone)]
    [InlineData(null, "10", Direction.LowerIsBetter, NotRateableReason.NoMilestone)]
    [InlineData("10", null, Direction.HigherIsBetter, NotRateableReason.NoResult)]
    [InlineData("10", null, Direction.LowerIsBetter, NotRateableReason.NoResult)]
    [InlineData(null, null, Direction.HigherIsBetter, NotRateableReason.NoMilestone)]
    [InlineData(null, null, Direction.LowerIsBetter, NotRateableReason.NoMilestone)]
    public void A_missing_figure_is_grey_and_a_missing_milestone_is_named_first(
        string? milestone, string? result, Direction direction, NotRateableReason reason)
    {
        var score = Calculate(milestone, result, direction);

        score.Rating.ShouldBe(Rating.Grey);
        score.NotRateable.ShouldBe(reason);
    }

    [Theory]
    [InlineData("0", "10", Direction.HigherIsBetter)]
    [InlineData("10", "0", Direction.LowerIsBetter)]
    [InlineData("0", "0", Direction.HigherIsBetter)]
    [InlineData("0", "0", Direction.LowerIsBetter)]
    public void A_zero_divisor_is_grey(string milestone, string result, Direction direction)
    {
        var score = Calculate(milestone, result, direction);

        score.Rating.ShouldBe(Rating.Grey);
        score.NotRateable.ShouldBe(NotRateableReason.ZeroDivisor);
    }

    [Theory]
    [InlineData("10", "0", Direction.HigherIsBetter)]
    [InlineData("0", "10", Direction.LowerIsBetter)]
    public void A_zero_on_top_of_the_ratio_scores_zero_percent_and_red(string milestone, string result, Direction direction)
    {
        var score = Calculate(milestone, result, direction);

        score.IsRated.ShouldBeTrue();
        score.ExactPercent.ShouldBe(0m);
        score.WholePercent.ShouldBe(0);
        score.PercentToTwoDecimals.ShouldBe(0m);
        score.Rating.ShouldBe(Rating.Red);
    }

    [Theory]
    [InlineData("-1", "10", Direction.HigherIsBetter)]
    [InlineData("10", "-1", Direction.HigherIsBetter)]
    [InlineData("-1", "10", Direction.LowerIsBetter)]
    [InlineData("10", "-1", Direction.LowerIsBetter)]
    [InlineData("-10", "-5", Direction.HigherIsBetter)]
    [InlineData("-10", "-5", Direction.LowerIsBetter)]
    [InlineData("-0.0001", "10", Direction.HigherIsBetter)]
    public void A_negative_figure_is_grey(string milestone, string result, Direction direction)
    {
        var score = Calculate(milestone, result, direction);

        score.Rating.ShouldBe(Rating.Grey);
        score.NotRateable.ShouldBe(NotRateableReason.NegativeFigure);
    }

    [Theory]
    [InlineData("-5", "0", Direction.HigherIsBetter)]
    [InlineData("0", "-5", Direction.LowerIsBetter)]
    public void A_negative_figure_is_named_before_a_zero_divisor(string milestone, string result, Direction direction) =>
        Calculate(milestone, result, direction).NotRateable.ShouldBe(NotRateableReason.NegativeFigure);

    [Theory]
    [InlineData(null, "-5", NotRateableReason.NoMilestone)]
    [InlineData("-5", null, NotRateableReason.NoResult)]
    public void A_missing_figure_is_named_before_a_negative_one(string? milestone, string? result, NotRateableReason reason) =>
        Calculate(milestone, result, Direction.HigherIsBetter).NotRateable.ShouldBe(reason);

    [Theory]
    [InlineData(null, "10", Direction.HigherIsBetter)]
    [InlineData("10", null, Direction.HigherIsBetter)]
    [InlineData("0", "10", Direction.HigherIsBetter)]
    [InlineData("10", "0", Direction.LowerIsBetter)]
    [InlineData("-1", "10", Direction.LowerIsBetter)]
    public void A_grey_score_has_no_percent(string? milestone, string? result, Direction direction)
    {
        var score = Calculate(milestone, result, direction);

        score.IsRated.ShouldBeFalse();
        score.NotRateable.ShouldNotBeNull();
        score.ExactPercent.ShouldBeNull();
        score.WholePercent.ShouldBeNull();
        score.PercentToTwoDecimals.ShouldBeNull();
    }

    [Theory]
    [InlineData("0.0001", "100000000000", Direction.HigherIsBetter)]
    [InlineData("100000000000", "0.0001", Direction.LowerIsBetter)]
    public void The_largest_ratio_the_figures_allow_fits_without_overflow(string milestone, string result, Direction direction)
    {
        var score = Calculate(milestone, result, direction);

        score.ExactPercent.ShouldBe(100_000_000_000_000_000m);
        score.WholePercent.ShouldBe(100_000_000_000_000_000L);
        score.PercentToTwoDecimals.ShouldBe(100_000_000_000_000_000m);
        score.Rating.ShouldBe(Rating.Green);
    }

    [Fact]
    public void The_smallest_ratio_the_figures_allow_rounds_to_zero_percent_and_red()
    {
        var score = Calculate("100000000000", "0.0001", Direction.HigherIsBetter);

        score.ExactPercent.ShouldBe(0.0000000000001m);
        score.WholePercent.ShouldBe(0);
        score.PercentToTwoDecimals.ShouldBe(0m);
        score.Rating.ShouldBe(Rating.Red);
    }

    [Fact]
    public void An_indicator_year_at_the_largest_stored_figures_assesses_without_overflow()
    {
        var year = new IndicatorYear(
            TestData.Indicator(), 2021, "2.1.1a", TestData.Definition(Unit.Count), 0.0001m, UnitRules.MaxMagnitude, TestData.Source);

        var assessment = year.Assess(RatingBands.Default);

        assessment.Score.WholePercent.ShouldBe(100_000_000_000_000_000L);
        assessment.Score.Rating.ShouldBe(Rating.Green);
    }

    [Theory]
    [InlineData("0.0001", "1000000000000000")]
    [InlineData("0.00000001", "100000000000")]
    [InlineData("10000000000000000000000", "0.0000001")]
    public void Refuses_figures_outside_the_unit_rules_instead_of_overflowing(string milestone, string result)
    {
        var error = Refusal.Of(DomainException.WholeObject, () => Calculate(milestone, result, Direction.HigherIsBetter));

        error.Message.ShouldContain("A figure to score must be at most");
    }
}
