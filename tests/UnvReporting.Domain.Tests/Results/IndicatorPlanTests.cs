using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Tests.Results;

public class IndicatorPlanTests
{
    private static readonly StrategicFramework Framework = new(2022, 2025, "DP/2022/11", RatingBands.Default);

    [Fact]
    public void Keeps_the_plan_of_the_framework_document()
    {
        var indicator = TestData.Indicator();

        indicator.Plan(Framework, TestData.Definition(), 1000, 2021, 2000, " UNV administrative data ");
        indicator.PlanMilestone(Framework, 2022, 1200);
        indicator.PlanMilestone(Framework, 2025, 2000);

        indicator.Definition.ShouldBe(TestData.Definition());
        indicator.BaselineValue.ShouldBe(1000);
        indicator.BaselineYear.ShouldBe(2021);
        indicator.EndTarget.ShouldBe(2000);
        indicator.DataSource.ShouldBe("UNV administrative data");
        indicator.PlannedMilestone(2022).ShouldBe(1200);
        indicator.PlannedMilestone(2023).ShouldBeNull();
        indicator.Milestones.Count.ShouldBe(2);
    }

    [Fact]
    public void Replaces_a_planned_milestone_and_clears_one()
    {
        var indicator = TestData.Indicator();
        indicator.Plan(Framework, TestData.Definition(), null, null, null, null);
        indicator.PlanMilestone(Framework, 2023, 5);

        indicator.PlanMilestone(Framework, 2023, 7);
        indicator.PlannedMilestone(2023).ShouldBe(7);
        indicator.Milestones.Count.ShouldBe(1);

        indicator.ClearMilestone(2023);
        indicator.Milestones.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(2021)]
    [InlineData(2026)]
    public void Refuses_a_milestone_outside_the_framework(int year)
    {
        var indicator = TestData.Indicator();
        indicator.Plan(Framework, TestData.Definition(), null, null, null, null);

        Refusal.Of("Milestones", () => indicator.PlanMilestone(Framework, year, 5)).Message.ShouldContain("2022 to 2025");
    }

    [Fact]
    public void Refuses_a_milestone_before_the_indicator_has_a_unit() =>
        Refusal.Of("Definition", () => TestData.Indicator().PlanMilestone(Framework, 2022, 5));

    [Fact]
    public void Refuses_a_milestone_its_unit_cannot_take()
    {
        var indicator = TestData.Indicator();
        indicator.Plan(Framework, TestData.Definition(Unit.Percent), null, null, null, null);

        Refusal.Of("Milestones", () => indicator.PlanMilestone(Framework, 2022, 140)).Message.ShouldContain("between 0 and 100");
    }

    [Theory]
    [InlineData(1969)]
    [InlineData(2026)]
    public void Refuses_a_baseline_year_outside_1970_to_the_framework_end(int year) =>
        Refusal.Of("BaselineYear", () => TestData.Indicator().Plan(Framework, TestData.Definition(), 10, year, null, null));

    [Fact]
    public void Accepts_a_baseline_from_before_the_framework_began()
    {
        var indicator = TestData.Indicator();

        indicator.Plan(Framework, TestData.Definition(), 10, 1970, null, null);

        indicator.BaselineYear.ShouldBe(1970);
    }

    [Fact]
    public void Refuses_a_baseline_value_without_its_year() =>
        Refusal.Of("BaselineYear", () => TestData.Indicator().Plan(Framework, TestData.Definition(), 10, null, null, null));

    [Fact]
    public void Refuses_figures_the_unit_cannot_take_and_changes_nothing()
    {
        var indicator = TestData.Indicator();
        indicator.Plan(Framework, TestData.Definition(), 1, 2021, 2, "first");

        Refusal.Of("BaselineValue", () => indicator.Plan(Framework, TestData.Definition(Unit.Percent), 101, 2021, null, null));
        Refusal.Of("EndTarget", () => indicator.Plan(Framework, TestData.Definition(), null, null, -1, null));

        indicator.BaselineValue.ShouldBe(1);
        indicator.EndTarget.ShouldBe(2);
        indicator.DataSource.ShouldBe("first");
    }

    [Fact]
    public void Refuses_a_unit_its_planned_milestones_do_not_fit()
    {
        var indicator = TestData.Indicator();
        indicator.Plan(Framework, TestData.Definition(Unit.Count), null, null, null, null);
        indicator.PlanMilestone(Framework, 2022, 500);

        Refusal.Of("Milestones", () => indicator.Plan(Framework, TestData.Definition(Unit.Percent), null, null, null, null));
        indicator.Definition!.Unit.ShouldBe(Unit.Count);
    }

    [Fact]
    public void Refuses_a_data_source_over_500_characters() =>
        Refusal.Of("DataSource", () => TestData.Indicator().Plan(Framework, TestData.Definition(), null, null, null, new string('x', 501)));

    [Fact]
    public void Changes_the_unit_together_with_the_milestones_it_names()
    {
        var indicator = TestData.Indicator();
        indicator.Plan(Framework, TestData.Definition(Unit.Count), null, null, null, null, new Dictionary<int, decimal?> { [2022] = 500, [2023] = 600 });

        indicator.Plan(Framework, TestData.Definition(Unit.Percent), null, null, null, null, new Dictionary<int, decimal?> { [2022] = 50, [2023] = null });

        indicator.Definition!.Unit.ShouldBe(Unit.Percent);
        indicator.PlannedMilestone(2022).ShouldBe(50);
        indicator.PlannedMilestone(2023).ShouldBeNull();
    }

    [Fact]
    public void Refuses_a_plan_whose_milestones_fall_outside_the_framework_and_changes_nothing()
    {
        var indicator = TestData.Indicator();

        Refusal.Of("Milestones", () => indicator.Plan(Framework, TestData.Definition(), null, null, null, null, new Dictionary<int, decimal?> { [2026] = 1 }));

        indicator.Definition.ShouldBeNull();
        indicator.Milestones.ShouldBeEmpty();
    }
}
