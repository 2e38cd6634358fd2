using UnvReporting.Domain.Sources;
using UnvReporting.Domain.Statistics;

namespace UnvReporting.Domain.Tests.Statistics;

/// <summary>Staff correction of a statistic (<see cref="StatisticFact.Correct"/>).</summary>
public class StatisticFactCorrectionTests
{
    private static readonly Metric Deployments = new("deployments", Unit.Count, "UN Volunteers by host", "按接纳方分列的志愿人员人数", "Volunteers per host.");
    private static readonly Metric WomenShare = new("women_share", Unit.Percent, "Women", "女性占比", "Share of women.");
    private static readonly SourceReference Para24 = new("DP/2020/14", "para 24");

    private static StatisticFact UndpDeployments()
    {
        var undp = new Dimension("entity", "UN entity", "联合国实体").AddMember("UNDP", "UNDP", "开发署");
        return new StatisticFact(2019, Deployments, undp, 2671, Qualifier.Approximate, TestData.Source, "About 2 700.");
    }

    [Fact]
    public void Replaces_the_figure_its_qualifier_source_and_note()
    {
        var fact = UndpDeployments();

        fact.Correct(Deployments, 2617, Qualifier.Exact, Para24, "  Corrected from the annex. ");

        fact.Value.ShouldBe(2617m);
        fact.Qualifier.ShouldBe(Qualifier.Exact);
        fact.Source.ShouldBe(Para24);
        fact.Note.ShouldBe("Corrected from the annex.");
    }

    [Fact]
    public void Keeps_the_year_metric_and_breakdown_that_identify_the_fact()
    {
        var fact = UndpDeployments();

        fact.Correct(Deployments, 2617, Qualifier.Exact, Para24, null);

        (fact.Year, fact.MetricKey, fact.Dimension, fact.Member).ShouldBe((2019, "deployments", "entity", "UNDP"));
        fact.Note.ShouldBeNull();
    }

    [Fact]
    public void Refuses_the_figure_of_another_metric_and_changes_nothing()
    {
        var fact = UndpDeployments();

        Refusal.Of("MetricKey", () => fact.Correct(WomenShare, 51, Qualifier.Exact, Para24, null))
            .Message.ShouldBe("This fact is of deployments, not women_share.");

        fact.Value.ShouldBe(2671m);
        fact.Source.ShouldBe(TestData.Source);
    }

    [Fact]
    public void Refuses_a_figure_the_unit_cannot_take_by_the_metrics_name_and_changes_nothing()
    {
        var fact = UndpDeployments();

        Refusal.Of("Value", () => fact.Correct(Deployments, -1, Qualifier.Exact, Para24, "Typo."))
            .Message.ShouldStartWith("UN Volunteers by host");

        fact.Value.ShouldBe(2671m);
        fact.Qualifier.ShouldBe(Qualifier.Approximate);
        fact.Note.ShouldBe("About 2 700.");
    }

    [Fact]
    public void Refuses_a_note_longer_than_its_column_by_name_and_changes_nothing()
    {
        var fact = UndpDeployments();

        Refusal.Of("Note", () => fact.Correct(Deployments, 2617, Qualifier.Exact, Para24, new string('n', StatisticFact.MaxNoteLength + 1)))
            .Message.ShouldStartWith("Note");

        fact.Value.ShouldBe(2671m);
    }
}
