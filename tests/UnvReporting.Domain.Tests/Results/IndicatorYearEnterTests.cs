using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Tests.Results;

/// <summary>Staff entry of a year's figures and narratives (<see cref="IndicatorYear.Enter"/>).</summary>
public class IndicatorYearEnterTests
{
    private static IndicatorYear SharePublishedAs(decimal milestone, decimal result)
    {
        var year = new IndicatorYear(TestData.Indicator("2.1"), 2021, "2.1", TestData.Definition(Unit.Percent), milestone, result, TestData.Source);
        year.Describe("As published.", "如所公布。", null);
        return year;
    }

    [Fact]
    public void Stores_the_figures_and_trimmed_narratives()
    {
        var year = SharePublishedAs(47, 50);

        year.Enter(47, 63, "  Satisfaction rose. ", " 满意度上升。 ");

        (year.Milestone, year.Result).ShouldBe((47m, 63m));
        year.NarrativeEn.ShouldBe("Satisfaction rose.");
        year.NarrativeZh.ShouldBe("满意度上升。");
    }

    [Fact]
    public void Empty_entries_clear_the_figures_and_narratives()
    {
        var year = SharePublishedAs(47, 50);

        year.Enter(null, null, " ", null);

        year.Milestone.ShouldBeNull();
        year.Result.ShouldBeNull();
        year.NarrativeEn.ShouldBeNull();
        year.NarrativeZh.ShouldBeNull();
    }

    [Theory]
    [InlineData(147, 63, "Milestone")]
    [InlineData(47, 163, "Result")]
    public void A_figure_its_unit_cannot_take_is_refused_by_name_and_nothing_changes(int milestone, int result, string field)
    {
        var year = SharePublishedAs(47, 50);

        Refusal.Of(field, () => year.Enter(milestone, result, "New narrative.", "新的叙述。"))
            .Message.ShouldStartWith(field);

        (year.Milestone, year.Result).ShouldBe((47m, 50m));
        year.NarrativeEn.ShouldBe("As published.");
        year.NarrativeZh.ShouldBe("如所公布。");
    }

    [Theory]
    [InlineData("English narrative", "NarrativeEn")]
    [InlineData("Chinese narrative", "NarrativeZh")]
    public void A_narrative_longer_than_its_column_is_refused_by_name_and_nothing_changes(string field, string key)
    {
        var year = SharePublishedAs(47, 50);
        var tooLong = new string('x', IndicatorYear.MaxNarrativeLength + 1);

        Refusal.Of(key, () => year.Enter(60, 63,
                field == "English narrative" ? tooLong : "New narrative.",
                field == "Chinese narrative" ? tooLong : "新的叙述。"))
            .Message.ShouldStartWith(field);

        (year.Milestone, year.Result).ShouldBe((47m, 50m));
        year.NarrativeEn.ShouldBe("As published.");
        year.NarrativeZh.ShouldBe("如所公布。");
    }
}
