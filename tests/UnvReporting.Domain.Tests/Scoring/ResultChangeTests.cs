using UnvReporting.Domain.Results;
using UnvReporting.Domain.Scoring;

namespace UnvReporting.Domain.Tests.Scoring;

/// <summary>Better, worse or the same as the previous year: by the indicator's direction, and never across a changed definition.</summary>
public class ResultChangeTests
{
    private static readonly IndicatorDefinition Higher = TestData.Definition();

    private static readonly IndicatorDefinition Lower = TestData.Definition(direction: Direction.LowerIsBetter);

    [Theory]
    [InlineData(53, 63, ChangeVerdict.Better)]
    [InlineData(87, 59, ChangeVerdict.Worse)]
    [InlineData(55, 55, ChangeVerdict.Same)]
    public void Higher_is_better_calls_a_rise_better_and_a_fall_worse(int previous, int result, ChangeVerdict verdict)
    {
        var change = ResultChange.Between(Higher, previous, Higher, result);

        change.Verdict.ShouldBe(verdict);
        change.Difference.ShouldBe((decimal)(result - previous));
    }

    [Theory]
    [InlineData(30, 20, ChangeVerdict.Better)]
    [InlineData(20, 30, ChangeVerdict.Worse)]
    [InlineData(25, 25, ChangeVerdict.Same)]
    public void Lower_is_better_calls_a_fall_better_and_a_rise_worse(int previous, int result, ChangeVerdict verdict)
    {
        ResultChange.Between(Lower, previous, Lower, result).Verdict.ShouldBe(verdict);
    }

    [Fact]
    public void A_fall_of_a_lower_is_better_result_is_better_though_the_result_fell()
    {
        var change = ResultChange.Between(Lower, 30, Lower, 20);

        change.Verdict.ShouldBe(ChangeVerdict.Better);
        change.Fell.ShouldBeTrue();
        change.Rose.ShouldBeFalse();
    }

    [Fact]
    public void A_changed_unit_gives_no_verdict_even_when_the_result_rose()
    {
        var change = ResultChange.Between(TestData.Definition(Unit.Months), 2198, TestData.Definition(Unit.Count), 2551);

        change.Verdict.ShouldBe(ChangeVerdict.DefinitionChanged);
        change.Difference.ShouldBeNull();
    }

    [Fact]
    public void A_definition_that_became_cumulative_gives_no_verdict()
    {
        var cumulative = new IndicatorDefinition(Higher.TitleEn, Higher.TitleZh, Higher.Unit, isCumulative: true, Higher.Direction);

        ResultChange.Between(Higher, 8, cumulative, 54).Verdict.ShouldBe(ChangeVerdict.DefinitionChanged);
    }

    [Fact]
    public void A_turned_direction_gives_no_verdict()
    {
        ResultChange.Between(Higher, 30, Lower, 20).Verdict.ShouldBe(ChangeVerdict.DefinitionChanged);
    }

    [Fact]
    public void A_reworded_title_gives_no_verdict()
    {
        var reworded = new IndicatorDefinition("Months of volunteering through UNV in the year", Higher.TitleZh, Higher.Unit, false, Higher.Direction);

        ResultChange.Between(Higher, 65014, reworded, 88338).Verdict.ShouldBe(ChangeVerdict.DefinitionChanged);
    }

    [Theory]
    [InlineData(null, 10)]
    [InlineData(10, null)]
    [InlineData(null, null)]
    public void A_missing_result_in_either_year_gives_no_verdict(int? previous, int? result)
    {
        var change = ResultChange.Between(Higher, previous, Higher, result);

        change.Verdict.ShouldBe(ChangeVerdict.NoResult);
        change.Difference.ShouldBeNull();
        change.Rose.ShouldBeFalse();
        change.Fell.ShouldBeFalse();
    }
}
