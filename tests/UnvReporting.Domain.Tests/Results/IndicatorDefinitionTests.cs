using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Tests.Results;

public class IndicatorDefinitionTests
{
    [Fact]
    public void A_redefined_year_differs_from_the_earlier_definition()
    {
        var annual2019 = new IndicatorDefinition("Volunteer schemes supported", "志愿人员计划数目", Unit.Count, isCumulative: false, Direction.HigherIsBetter);
        var cumulative2021 = new IndicatorDefinition("Volunteer schemes supported since 2018 (cumulative)", "志愿人员计划累计数量", Unit.Count, isCumulative: true, Direction.HigherIsBetter);

        cumulative2021.DiffersFrom(annual2019).ShouldBeTrue();
    }

    [Fact]
    public void A_change_of_Chinese_wording_alone_is_the_same_measure()
    {
        var before = new IndicatorDefinition("Satisfied UN Volunteers", "对自己的志愿工作经验感到满意的联合国志愿人员占比", Unit.Percent, false, Direction.HigherIsBetter);
        var after = new IndicatorDefinition("Satisfied UN Volunteers", "对自己的志愿工作经历感到满意的联合国志愿人员占比", Unit.Percent, false, Direction.HigherIsBetter);

        after.DiffersFrom(before).ShouldBeFalse();
    }

    [Theory]
    [InlineData(Unit.Percent, false, Direction.HigherIsBetter)]
    [InlineData(Unit.Count, true, Direction.HigherIsBetter)]
    [InlineData(Unit.Count, false, Direction.LowerIsBetter)]
    public void A_change_of_unit_cumulation_or_direction_alone_is_another_measure(Unit unit, bool isCumulative, Direction direction)
    {
        var before = new IndicatorDefinition("Volunteer schemes supported", "志愿人员计划数目", Unit.Count, false, Direction.HigherIsBetter);
        var after = new IndicatorDefinition("Volunteer schemes supported", "志愿人员计划数目", unit, isCumulative, direction);

        after.DiffersFrom(before).ShouldBeTrue();
    }

    [Fact]
    public void Keeps_what_it_measures()
    {
        var definition = new IndicatorDefinition(" Average days to deploy ", "平均派遣天数", Unit.WorkingDays, isCumulative: false, Direction.LowerIsBetter);

        definition.TitleEn.ShouldBe("Average days to deploy");
        definition.TitleZh.ShouldBe("平均派遣天数");
        definition.Unit.ShouldBe(Unit.WorkingDays);
        definition.IsCumulative.ShouldBeFalse();
        definition.Direction.ShouldBe(Direction.LowerIsBetter);
    }

    [Fact]
    public void An_indicator_is_not_measured_as_a_change_in_percent() =>
        Refusal.Of("Unit", () => new IndicatorDefinition("Growth", "增长", Unit.PercentChange, false, Direction.HigherIsBetter))
            .Message.ShouldBe("An indicator's unit cannot be a change in percent; use the measure itself.");

    [Theory]
    [InlineData("English title", "TitleEn")]
    [InlineData("Chinese title", "TitleZh")]
    public void Titles_are_required_in_both_languages_and_named_when_missing(string field, string key) =>
        Refusal.Of(key, () => new IndicatorDefinition(
                field == "English title" ? " " : "Growth",
                field == "Chinese title" ? " " : "增长",
                Unit.Count, false, Direction.HigherIsBetter))
            .Message.ShouldContain(field);

    [Fact]
    public void A_title_as_long_as_the_column_is_kept() =>
        new IndicatorDefinition(new string('x', IndicatorDefinition.MaxTitleLength), "标题", Unit.Count, false, Direction.HigherIsBetter)
            .TitleEn.Length.ShouldBe(IndicatorDefinition.MaxTitleLength);

    [Fact]
    public void Titles_longer_than_the_column_are_refused() =>
        Refusal.Of("TitleEn", () => new IndicatorDefinition(new string('x', IndicatorDefinition.MaxTitleLength + 1), "标题", Unit.Count, false, Direction.HigherIsBetter))
            .Message.ShouldContain("at most 400 characters");
}
