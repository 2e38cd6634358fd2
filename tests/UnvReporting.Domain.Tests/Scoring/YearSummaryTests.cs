using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Scoring;

namespace UnvReporting.Domain.Tests.Scoring;

/// <summary>The colour counts of a year, overall and per outcome, and their check against paragraph 3 (YearSummary.cs).</summary>
public class YearSummaryTests
{
    // The published colours of 2021 (DP/2022/24), each under its top-level area as the caller passes it:
    // outcome 1 with outputs 1.1 and 1.2, then outcome 2 with outputs 2.1 and 2.2.
    private static readonly (string TopAreaCode, Rating Rating)[] Ratings2021 =
    [
        ("1", Rating.Green), ("1", Rating.Green), // outcome 1: 1.1, 1.2
        ("1", Rating.Green), ("1", Rating.Green), // output 1.1: 1.1.1, 1.1.2
        ("1", Rating.Yellow), ("1", Rating.Red), // output 1.2: 1.2.1, 1.2.2
        ("2", Rating.Green), ("2", Rating.Green), // outcome 2: 2.1, 2.2
        ("2", Rating.Green), ("2", Rating.Green), ("2", Rating.Green), ("2", Rating.Green), // output 2.1
        ("2", Rating.Yellow), ("2", Rating.Green), // output 2.2: 2.2.1, 2.2.2
    ];

    private static StatedSummary Stated(int green, int yellow, int red, int? grey) => new(green, yellow, red, grey, "para 3");

    [Fact]
    public void Counts_each_colour_and_the_total()
    {
        var summary = YearSummary.Of(
        [
            ("1", Rating.Green), ("1", Rating.Green), ("1", Rating.Yellow),
            ("2", Rating.Red), ("2", Rating.Grey), ("2", Rating.Green),
        ]);

        summary.Overall.ShouldBe(new RatingCounts(3, 1, 1, 1));
        summary.Overall.Total.ShouldBe(6);
    }

    [Fact]
    public void Counts_per_outcome_in_the_order_the_outcomes_first_appear()
    {
        var summary = YearSummary.Of(
        [
            ("2", Rating.Green), ("1", Rating.Red), ("2", Rating.Yellow), ("IE", Rating.Grey), ("1", Rating.Green),
        ]);

        summary.ByOutcome.ShouldBe(
        [
            new AreaCounts("2", new RatingCounts(1, 1, 0, 0)),
            new AreaCounts("1", new RatingCounts(1, 0, 1, 0)),
            new AreaCounts("IE", new RatingCounts(0, 0, 0, 1)),
        ]);
    }

    [Fact]
    public void Counts_the_indicators_of_an_output_under_its_outcome()
    {
        var output = TestData.Output("1.2");
        var outcomeCode = output.Parent!.Code;

        var summary = YearSummary.Of([(outcomeCode, Rating.Green), (outcomeCode, Rating.Red)]);

        summary.ByOutcome.ShouldHaveSingleItem().ShouldBe(new AreaCounts("1", new RatingCounts(1, 0, 1, 0)));
    }

    [Fact]
    public void Summarises_2021_as_paragraph_3_of_DP_2022_24_states_it()
    {
        var summary = YearSummary.Of(Ratings2021);

        summary.Overall.ShouldBe(new RatingCounts(11, 2, 1, 0));
        summary.ByOutcome.ShouldBe(
        [
            new AreaCounts("1", new RatingCounts(4, 1, 1, 0)),
            new AreaCounts("2", new RatingCounts(7, 1, 0, 0)),
        ]);
        summary.Overall.Matches(Stated(11, 2, 1, null)).ShouldBeTrue();
    }

    [Fact]
    public void Nothing_to_count_gives_zeros()
    {
        var summary = YearSummary.Of([]);

        summary.Overall.ShouldBe(RatingCounts.None);
        summary.Overall.Total.ShouldBe(0);
        summary.ByOutcome.ShouldBeEmpty();
    }

    [Fact]
    public void Reads_the_count_of_a_colour()
    {
        var counts = new RatingCounts(9, 5, 1, 2);

        counts[Rating.Green].ShouldBe(9);
        counts[Rating.Yellow].ShouldBe(5);
        counts[Rating.Red].ShouldBe(1);
        counts[Rating.Grey].ShouldBe(2);
        counts.Total.ShouldBe(17);
    }

    [Fact]
    public void Adding_a_colour_returns_new_counts_and_leaves_the_old_ones()
    {
        var before = RatingCounts.None;

        var after = before.Add(Rating.Yellow).Add(Rating.Yellow).Add(Rating.Grey);

        after.ShouldBe(new RatingCounts(0, 2, 0, 1));
        before.ShouldBe(new RatingCounts(0, 0, 0, 0));
    }

    [Fact]
    public void Matches_the_counts_DP_2020_14_states_for_2019() =>
        new RatingCounts(9, 5, 0, 0).Matches(Stated(9, 5, 0, 0)).ShouldBeTrue();

    [Theory]
    [InlineData(8, 5, 0, 0)]
    [InlineData(9, 4, 0, 0)]
    [InlineData(9, 5, 1, 0)]
    [InlineData(9, 5, 0, 1)]
    public void Does_not_match_when_any_colour_differs(int green, int yellow, int red, int grey) =>
        new RatingCounts(green, yellow, red, grey).Matches(Stated(9, 5, 0, 0)).ShouldBeFalse();

    [Fact]
    public void Matches_a_grey_count_the_report_states()
    {
        new RatingCounts(9, 4, 0, 1).Matches(Stated(9, 4, 0, 1)).ShouldBeTrue();
        new RatingCounts(9, 4, 0, 0).Matches(Stated(9, 4, 0, 1)).ShouldBeFalse();
    }

    [Fact]
    public void A_report_silent_on_grey_is_read_as_stating_none()
    {
        new RatingCounts(11, 2, 1, 0).Matches(Stated(11, 2, 1, null)).ShouldBeTrue();
        new RatingCounts(11, 2, 1, 1).Matches(Stated(11, 2, 1, null)).ShouldBeFalse();
    }
}
