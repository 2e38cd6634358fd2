using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Scoring;

namespace UnvReporting.Domain.Tests.Scoring;

public class FrameworkProgressTests
{
    private static readonly RatingBands Bands = RatingBands.Default;

    [Fact]
    public void The_latest_result_is_scored_against_the_last_years_milestone()
    {
        ProgressYear[] years = [new(2018, 20, 18), new(2019, 30, 33), new(2020, 40, null), new(2021, 60, null)];

        var progress = ProgressCalculator.Toward(years, 2021, Direction.HigherIsBetter, Bands);

        (progress.TargetYear, progress.EndTarget, progress.LatestYear, progress.Latest).ShouldBe((2021, 60m, 2019, 33m));
        progress.Score.WholePercent.ShouldBe(55);
        progress.Score.Rating.ShouldBe(Rating.Red);
    }

    [Fact]
    public void Lower_is_better_divides_the_other_way() =>
        ProgressCalculator.Toward([new(2020, 30, 40), new(2021, 25, 30)], 2021, Direction.LowerIsBetter, Bands)
            .Score.WholePercent.ShouldBe(83);

    [Fact]
    public void Without_the_last_years_milestone_there_is_no_end_target_and_it_is_grey()
    {
        var progress = ProgressCalculator.Toward([new(2022, 10, 12)], 2025, Direction.HigherIsBetter, Bands);

        (progress.TargetYear, progress.EndTarget).ShouldBe((null, null));
        progress.Score.NotRateable.ShouldBe(NotRateableReason.NoMilestone);
    }

    [Fact]
    public void Without_any_result_it_is_grey() =>
        ProgressCalculator.Toward([new(2021, 60, null)], 2021, Direction.HigherIsBetter, Bands)
            .Score.NotRateable.ShouldBe(NotRateableReason.NoResult);

    [Fact]
    public void A_span_of_a_plain_indicator_adds_up_results_and_milestones() =>
        ProgressCalculator.Cumulative([new(2018, 10, 12), new(2019, 10, 9), new(2020, 50, 1)], 2018, 2019, cumulative: false, Direction.HigherIsBetter, Bands)!
            .WholePercent.ShouldBe(105);

    [Fact]
    public void A_span_of_a_cumulative_indicator_takes_its_last_year() =>
        ProgressCalculator.Cumulative([new(2018, 10, 12), new(2019, 20, 30)], 2018, 2019, cumulative: true, Direction.HigherIsBetter, Bands)!
            .WholePercent.ShouldBe(150);

    [Fact]
    public void A_span_with_a_year_missing_or_without_a_figure_cannot_be_computed()
    {
        ProgressCalculator.Cumulative([new(2019, 10, 12)], 2018, 2019, cumulative: false, Direction.HigherIsBetter, Bands).ShouldBeNull();
        ProgressCalculator.Cumulative([new(2018, 10, null), new(2019, 10, 12)], 2018, 2019, cumulative: false, Direction.HigherIsBetter, Bands).ShouldBeNull();
        ProgressCalculator.Cumulative([new(2018, null, 5), new(2019, 10, 12)], 2018, 2019, cumulative: true, Direction.HigherIsBetter, Bands).ShouldBeNull();
    }

    [Fact]
    public void An_empty_span_cannot_be_computed() =>
        ProgressCalculator.Cumulative([new(2018, 10, 12)], 2019, 2018, cumulative: false, Direction.HigherIsBetter, Bands).ShouldBeNull();

    [Fact]
    public void The_summary_counts_each_indicator_by_its_progress_colour()
    {
        var green = ProgressCalculator.Toward([new(2021, 10, 12)], 2021, Direction.HigherIsBetter, Bands);
        var yellow = ProgressCalculator.Toward([new(2021, 10, 7)], 2021, Direction.HigherIsBetter, Bands);
        var grey = ProgressCalculator.Toward([new(2021, 10, null)], 2021, Direction.HigherIsBetter, Bands);

        ProgressCalculator.Summarize([green, yellow, grey, green]).ShouldBe(new RatingCounts(2, 1, 0, 1));
    }

    [Fact]
    public void The_planned_end_target_stands_before_the_last_years_milestone()
    {
        var progress = ProgressCalculator.Toward([new(2020, 10, 30), new(2021, 50, null)], 2021, Direction.HigherIsBetter, Bands, plannedTarget: 60);

        progress.EndTarget.ShouldBe(60);
        progress.TargetYear.ShouldBe(2021);
        progress.Score.WholePercent.ShouldBe(50);
    }
}
