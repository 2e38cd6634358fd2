using System.Globalization;
using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Scoring;

namespace UnvReporting.Domain.Tests.Scoring;

/// <summary>The formula in each direction, the rounding to a whole percent, and the colour bands.</summary>
public class ScoreCalculatorTests
{
    // Decimals cannot be attribute arguments; the theories pass them as invariant-culture strings.
    private static decimal Dec(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    private static Score Higher(decimal milestone, decimal result, RatingBands? bands = null) =>
        ScoreCalculator.Calculate(milestone, result, Direction.HigherIsBetter, bands ?? RatingBands.Default);

    private static Score Lower(decimal milestone, decimal result) =>
        ScoreCalculator.Calculate(milestone, result, Direction.LowerIsBetter, RatingBands.Default);

    // A milestone of 100 makes the result the exact percent, so each row states the percent it rounds.
    private static Score Percent(string exactPercent, RatingBands? bands = null) => Higher(100, Dec(exactPercent), bands);

    [Theory]
    [InlineData(100, 126, 126)]
    [InlineData(57827, 65014, 112)]
    [InlineData(13, 11, 85)]
    [InlineData(147500, 493811, 335)]
    [InlineData(64, 54, 84)]
    public void Higher_is_better_scores_the_result_as_a_percent_of_the_milestone(int milestone, int result, long whole)
    {
        var score = Higher(milestone, result);

        score.ExactPercent.ShouldBe(result * 100m / milestone);
        score.WholePercent.ShouldBe(whole);
    }

    [Theory]
    [InlineData(60, 75, 80, Rating.Yellow)]
    [InlineData(60, 50, 120, Rating.Green)]
    [InlineData(60, 60, 100, Rating.Green)]
    [InlineData(60, 61, 98, Rating.Yellow)]
    [InlineData(60, 120, 50, Rating.Red)]
    public void Lower_is_better_scores_the_milestone_as_a_percent_of_the_result(int milestoneDays, int resultDays, long whole, Rating rating)
    {
        var score = Lower(milestoneDays, resultDays);

        score.ExactPercent.ShouldBe(milestoneDays * 100m / resultDays);
        score.WholePercent.ShouldBe(whole);
        score.Rating.ShouldBe(rating);
    }

    [Fact]
    public void Taking_longer_than_the_milestone_lowers_a_lower_is_better_score()
    {
        Lower(60, 75).WholePercent.ShouldBe(80);
        Higher(60, 75).WholePercent.ShouldBe(125);
    }

    [Theory]
    [InlineData("128.48", 128)]
    [InlineData("128.5", 129)]
    [InlineData("97.5", 98)]
    [InlineData("99.5", 100)]
    [InlineData("59.5", 60)]
    [InlineData("59.49", 59)]
    [InlineData("0.5", 1)]
    [InlineData("0.49", 0)]
    public void Rounds_the_whole_percent_half_away_from_zero(string exactPercent, long whole) =>
        Percent(exactPercent).WholePercent.ShouldBe(whole);

    [Fact]
    public void Rounds_half_away_from_zero_rather_than_to_even()
    {
        // 96.5% and 98.5%: rounding to even would show 96% and 98%.
        Higher(200, 193).WholePercent.ShouldBe(97);
        Higher(200, 197).WholePercent.ShouldBe(99);
    }

    [Theory]
    [InlineData("99.5", Rating.Green)]
    [InlineData("99.49", Rating.Yellow)]
    [InlineData("59.5", Rating.Yellow)]
    [InlineData("59.49", Rating.Red)]
    public void Decides_the_colour_on_the_rounded_whole_percent(string exactPercent, Rating rating) =>
        Percent(exactPercent).Rating.ShouldBe(rating);

    [Fact]
    public void A_shown_one_hundred_percent_is_never_yellow()
    {
        var score = Higher(200, 199);

        score.ExactPercent.ShouldBe(99.5m);
        score.WholePercent.ShouldBe(100);
        score.Rating.ShouldBe(Rating.Green);
    }

    [Fact]
    public void Rates_green_at_exactly_one_hundred_percent() =>
        Higher(93, 93).Rating.ShouldBe(Rating.Green);

    [Theory]
    [InlineData("100", Rating.Green)]
    [InlineData("99", Rating.Yellow)]
    [InlineData("60", Rating.Yellow)]
    [InlineData("59", Rating.Red)]
    [InlineData("0", Rating.Red)]
    [InlineData("335", Rating.Green)]
    public void The_default_bands_have_inclusive_lower_bounds(string exactPercent, Rating rating) =>
        Percent(exactPercent).Rating.ShouldBe(rating);

    [Theory]
    [InlineData("90", Rating.Green)]
    [InlineData("89.5", Rating.Green)]
    [InlineData("89", Rating.Yellow)]
    [InlineData("50", Rating.Yellow)]
    [InlineData("49.5", Rating.Yellow)]
    [InlineData("49", Rating.Red)]
    public void Rates_with_the_bands_of_the_framework(string exactPercent, Rating rating) =>
        Percent(exactPercent, new RatingBands(90, 50)).Rating.ShouldBe(rating);

    [Fact]
    public void The_same_figures_rate_differently_under_other_bands()
    {
        Higher(100, 90).Rating.ShouldBe(Rating.Yellow);
        Higher(100, 90, new RatingBands(90, 50)).Rating.ShouldBe(Rating.Green);
        Higher(100, 55).Rating.ShouldBe(Rating.Red);
        Higher(100, 55, new RatingBands(90, 50)).Rating.ShouldBe(Rating.Yellow);
    }

    [Fact]
    public void Keeps_the_exact_percent_and_gives_it_to_two_decimals()
    {
        var score = Higher(57827, 65014);

        score.ExactPercent.ShouldBe(6501400m / 57827m);
        score.PercentToTwoDecimals.ShouldBe(112.43m);
        score.WholePercent.ShouldBe(112);
        score.Rating.ShouldBe(Rating.Green);
    }

    [Theory]
    [InlineData("12.345", "12.35")]
    [InlineData("12.335", "12.34")]
    [InlineData("97.496", "97.50")]
    [InlineData("97.4949", "97.49")]
    public void Rounds_the_two_decimals_half_away_from_zero(string exactPercent, string twoDecimals) =>
        Percent(exactPercent).PercentToTwoDecimals.ShouldBe(Dec(twoDecimals));

    [Fact]
    public void Rounds_the_whole_percent_from_the_exact_ratio_not_from_the_two_decimals()
    {
        var score = Percent("97.496");

        score.PercentToTwoDecimals.ShouldBe(97.50m);
        score.WholePercent.ShouldBe(97);
        score.Rating.ShouldBe(Rating.Yellow);
    }

    [Fact]
    public void A_rated_score_gives_no_reason_for_grey()
    {
        var score = Higher(100, 126);

        score.IsRated.ShouldBeTrue();
        score.NotRateable.ShouldBeNull();
        score.Rating.ShouldBe(Rating.Green);
    }
}
