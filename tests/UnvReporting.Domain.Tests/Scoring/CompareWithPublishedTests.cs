using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Scoring;

namespace UnvReporting.Domain.Tests.Scoring;

/// <summary>The flags raised where the computed score or colour is not what the report printed.</summary>
public class CompareWithPublishedTests
{
    private static Assessment Assess(decimal? milestone, decimal? result, int? publishedScore, Rating? publishedRating) =>
        ScoreCalculator.Assess(milestone, result, Direction.HigherIsBetter, RatingBands.Default, publishedScore, publishedRating);

    private static IndicatorYear Year(Direction direction, decimal? milestone, decimal? result) =>
        new(TestData.Indicator(), 2021, "2.1.1a", TestData.Definition(Unit.WorkingDays, direction), milestone, result, TestData.Source);

    [Fact]
    public void Raises_no_flag_when_the_computed_score_and_colour_are_the_published_ones() =>
        Assess(57827, 65014, 112, Rating.Green).Flags.ShouldBeEmpty();

    [Fact]
    public void Flags_a_score_that_differs_with_both_values()
    {
        var assessment = Assess(100, 126, 134, Rating.Green);

        assessment.Score.WholePercent.ShouldBe(126);
        assessment.Flags.ShouldBe([new ScoreDiffersFromPublished(126, 134)]);
    }

    [Fact]
    public void Flags_a_colour_that_differs_with_both_values() =>
        Assess(94, 92, 98, Rating.Green).Flags.ShouldBe([new RatingDiffersFromPublished(Rating.Yellow, Rating.Green)]);

    [Fact]
    public void Flags_the_score_before_the_colour_when_both_differ() =>
        Assess(100, 95, 100, Rating.Green).Flags.ShouldBe(
        [
            new ScoreDiffersFromPublished(95, 100),
            new RatingDiffersFromPublished(Rating.Yellow, Rating.Green),
        ]);

    [Fact]
    public void Flags_a_grey_score_against_a_published_one_with_no_computed_percent()
    {
        var assessment = Assess(null, 50, 50, Rating.Red);

        assessment.Score.Rating.ShouldBe(Rating.Grey);
        assessment.Flags.ShouldBe(
        [
            new ScoreDiffersFromPublished(null, 50),
            new RatingDiffersFromPublished(Rating.Grey, Rating.Red),
        ]);
    }

    [Fact]
    public void A_grey_score_against_a_published_grey_raises_no_flag() =>
        Assess(0, 10, null, Rating.Grey).Flags.ShouldBeEmpty();

    [Theory]
    [InlineData(100, 126)]
    [InlineData(100, 20)]
    [InlineData(null, 20)]
    [InlineData(0, 20)]
    public void Raises_no_flag_when_nothing_is_published(int? milestone, int? result) =>
        Assess(milestone, result, null, null).Flags.ShouldBeEmpty();

    [Fact]
    public void Compares_only_the_colour_when_only_the_colour_is_published() =>
        Assess(100, 95, null, Rating.Green).Flags.ShouldBe([new RatingDiffersFromPublished(Rating.Yellow, Rating.Green)]);

    [Fact]
    public void Compares_only_the_score_when_only_the_score_is_published() =>
        Assess(100, 95, 100, null).Flags.ShouldBe([new ScoreDiffersFromPublished(95, 100)]);

    [Fact]
    public void The_flag_codes_are_the_ones_the_api_and_exports_write()
    {
        new ScoreDiffersFromPublished(126, 134).Code.ShouldBe("score-differs-from-published");
        new RatingDiffersFromPublished(Rating.Yellow, Rating.Green).Code.ShouldBe("rating-differs-from-published");
        ScoreFlags.ScoreDiffersFromPublished.ShouldBe("score-differs-from-published");
        ScoreFlags.RatingDiffersFromPublished.ShouldBe("rating-differs-from-published");
    }

    [Fact]
    public void Assesses_an_indicator_year_in_the_direction_of_its_definition()
    {
        var year = Year(Direction.LowerIsBetter, 60, 75);
        year.RecordPublished(80, Rating.Yellow, PublishedRatingBasis.StatedInText);

        var assessment = year.Assess(RatingBands.Default);

        assessment.Score.WholePercent.ShouldBe(80);
        assessment.Score.Rating.ShouldBe(Rating.Yellow);
        assessment.Flags.ShouldBeEmpty();
    }

    [Fact]
    public void Assesses_an_indicator_year_against_what_it_records_as_published()
    {
        var year = Year(Direction.HigherIsBetter, 60, 75);
        year.RecordPublished(80, Rating.Yellow, PublishedRatingBasis.StatedInText);

        year.Assess(RatingBands.Default).Flags.ShouldBe(
        [
            new ScoreDiffersFromPublished(125, 80),
            new RatingDiffersFromPublished(Rating.Green, Rating.Yellow),
        ]);
    }

    [Fact]
    public void Assesses_an_indicator_year_with_the_bands_it_is_given()
    {
        var year = Year(Direction.HigherIsBetter, 100, 90);

        year.Assess(RatingBands.Default).Score.Rating.ShouldBe(Rating.Yellow);
        year.Assess(new RatingBands(90, 50)).Score.Rating.ShouldBe(Rating.Green);
    }

    // DP/2020/14 (results for 2019): every printed score is result ÷ milestone, rounded.
    [Theory]
    [InlineData(45, 53, 118, Rating.Green)]
    [InlineData(147500, 493811, 335, Rating.Green)]
    [InlineData(13, 11, 85, Rating.Yellow)]
    [InlineData(4, 5, 125, Rating.Green)]
    [InlineData(13, 8, 62, Rating.Yellow)]
    [InlineData(75, 87, 116, Rating.Green)]
    [InlineData(93, 93, 100, Rating.Green)]
    [InlineData(37, 54, 146, Rating.Green)]
    [InlineData(57827, 65014, 112, Rating.Green)]
    [InlineData(2440, 2198, 90, Rating.Yellow)]
    [InlineData(7000, 8282, 118, Rating.Green)]
    [InlineData(14637, 13186, 90, Rating.Yellow)]
    [InlineData(94, 92, 98, Rating.Yellow)]
    [InlineData(93, 95, 102, Rating.Green)]
    public void Reproduces_every_score_and_colour_of_2019(int milestone, int result, int publishedScore, Rating publishedRating) =>
        Assess(milestone, result, publishedScore, publishedRating).Flags.ShouldBeEmpty();

    // DP/2022/24 (results for 2021), indicators 1.1, 1.2 and 1.2.1: the printed score is not
    // result ÷ milestone, but the colour is the same either way.
    [Theory]
    [InlineData(47, 63, 126, 134, Rating.Green)]
    [InlineData(1000000, 1663729, 139, 166, Rating.Green)]
    [InlineData(64, 54, 85, 84, Rating.Yellow)]
    public void Flags_only_the_score_where_the_2021_report_printed_another(
        int milestone, int result, int publishedScore, long computedScore, Rating publishedRating) =>
        Assess(milestone, result, publishedScore, publishedRating).Flags.ShouldBe([new ScoreDiffersFromPublished(computedScore, publishedScore)]);
}
