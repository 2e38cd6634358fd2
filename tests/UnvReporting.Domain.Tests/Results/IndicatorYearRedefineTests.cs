using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Tests.Results;

/// <summary>An Admin's change of what an indicator measures in one year (<see cref="IndicatorYear.Redefine"/>).</summary>
public class IndicatorYearRedefineTests
{
    private static readonly IndicatorDefinition AnnualSchemes =
        new("Volunteer schemes supported", "志愿人员计划数目", Unit.Count, isCumulative: false, Direction.HigherIsBetter);

    private static readonly IndicatorDefinition CumulativeSchemes =
        new("Volunteer schemes supported since 2018 (cumulative)", "志愿人员计划累计数量", Unit.Count, isCumulative: true, Direction.HigherIsBetter);

    private static readonly IndicatorDefinition ShareOfSchemes =
        new("Share of schemes supported", "所支持计划的占比", Unit.Percent, isCumulative: false, Direction.HigherIsBetter);

    private static IndicatorYear Schemes(decimal? milestone, decimal? result) =>
        new(TestData.Indicator("1.1.1"), 2021, "1.1.1", AnnualSchemes, milestone, result, TestData.Source);

    [Fact]
    public void Takes_the_new_definition_and_the_code_as_the_report_prints_it()
    {
        var year = Schemes(12, 14);

        year.Redefine(CumulativeSchemes, " 1.1.1 ");

        year.Definition.ShouldBe(CumulativeSchemes);
        year.CodeAsPublished.ShouldBe("1.1.1");
        (year.Milestone, year.Result).ShouldBe((12m, 14m));
    }

    [Fact]
    public void Refuses_a_code_that_stands_for_another_indicator_and_keeps_the_definition()
    {
        var year = Schemes(12, 14);

        Refusal.Of("CodeAsPublished", () => year.Redefine(CumulativeSchemes, "1.1.2"))
            .Message.ShouldContain("'1.1.2' does not stand for indicator 1.1.1");

        year.Definition.ShouldBe(AnnualSchemes);
        year.CodeAsPublished.ShouldBe("1.1.1");
    }

    [Fact]
    public void The_code_as_published_is_required_and_named_when_missing() =>
        Refusal.Of("CodeAsPublished", () => Schemes(12, 14).Redefine(CumulativeSchemes, ""))
            .Message.ShouldContain("Code as published");

    [Theory]
    [InlineData(120, 14, "The existing milestone")]
    [InlineData(12, 140, "The existing result")]
    public void Refuses_a_unit_the_years_figures_do_not_fit_and_keeps_the_definition(int milestone, int result, string field)
    {
        var year = Schemes(milestone, result);

        Refusal.Of("Unit", () => year.Redefine(ShareOfSchemes, "1.1.1"))
            .Message.ShouldStartWith(field);

        year.Definition.ShouldBe(AnnualSchemes);
    }

    [Fact]
    public void A_year_without_figures_can_take_any_unit()
    {
        var year = Schemes(null, null);

        year.Redefine(ShareOfSchemes, "1.1.1");

        year.Definition.Unit.ShouldBe(Unit.Percent);
    }
}
