using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Tests.Frameworks;

public class RatingBandsTests
{
    [Fact]
    public void The_default_bands_are_those_of_paragraph_3()
    {
        RatingBands.Default.GreenFrom.ShouldBe(100);
        RatingBands.Default.YellowFrom.ShouldBe(60);
    }

    [Theory]
    [InlineData(100, Rating.Green)]
    [InlineData(335, Rating.Green)]
    [InlineData(99, Rating.Yellow)]
    [InlineData(60, Rating.Yellow)]
    [InlineData(59, Rating.Red)]
    [InlineData(0, Rating.Red)]
    public void Rates_a_whole_percent_with_inclusive_lower_bounds(int score, Rating rating) =>
        RatingBands.Default.Rate(score).ShouldBe(rating);

    [Theory]
    [InlineData(100_000_000_000_000_000L)]
    [InlineData(long.MaxValue)]
    public void Rates_a_score_beyond_the_range_of_an_int_green(long score) =>
        RatingBands.Default.Rate(score).ShouldBe(Rating.Green);

    [Fact]
    public void Configured_bands_change_the_rating()
    {
        var lenient = new RatingBands(95, 50);

        lenient.Rate(96).ShouldBe(Rating.Green);
        lenient.Rate(55).ShouldBe(Rating.Yellow);
        RatingBands.Default.Rate(96).ShouldBe(Rating.Yellow);
        RatingBands.Default.Rate(55).ShouldBe(Rating.Red);
    }

    [Theory]
    [InlineData(90, Rating.Green)]
    [InlineData(89, Rating.Yellow)]
    [InlineData(50, Rating.Yellow)]
    [InlineData(49, Rating.Red)]
    public void Configured_bands_keep_their_lower_bounds_inclusive(long score, Rating rating) =>
        new RatingBands(90, 50).Rate(score).ShouldBe(rating);

    [Theory]
    [InlineData(60, 60)]
    [InlineData(60, 80)]
    public void Green_must_start_above_yellow(int green, int yellow) =>
        Refusal.Of("GreenFrom", () => new RatingBands(green, yellow)).Message.ShouldContain("Green must start above yellow");

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public void Yellow_must_start_above_zero(int yellow) =>
        Refusal.Of("YellowFrom", () => new RatingBands(100, yellow))
            .Message.ShouldBe($"Yellow must start above 0% of the milestone (got {yellow}%).");

    [Fact]
    public void Green_cannot_start_beyond_1000_percent() =>
        Refusal.Of("GreenFrom", () => new RatingBands(1001, 60))
            .Message.ShouldBe("Green must start at 1000% of the milestone or less (got 1001%).");

    [Fact]
    public void The_widest_bands_run_from_1_to_1000_percent()
    {
        var widest = new RatingBands(1000, 1);

        widest.Rate(1000).ShouldBe(Rating.Green);
        widest.Rate(999).ShouldBe(Rating.Yellow);
        widest.Rate(1).ShouldBe(Rating.Yellow);
        widest.Rate(0).ShouldBe(Rating.Red);
    }
}
