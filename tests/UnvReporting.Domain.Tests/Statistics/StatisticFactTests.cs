using UnvReporting.Domain.Statistics;

namespace UnvReporting.Domain.Tests.Statistics;

public class StatisticFactTests
{
    private static readonly Metric Deployments = new("deployments", Unit.Count, "UN Volunteers by host", "按接纳方分列的志愿人员人数", "Volunteers per host.");
    private static readonly Metric WomenShare = new("women_share", Unit.Percent, "Women", "女性占比", "Share of women.");
    private static readonly Metric Growth = new("deployments_growth", Unit.PercentChange, "Change", "变化", "Change against the year before.");

    private static DimensionMember Undp()
    {
        var entity = new Dimension("entity", "UN entity", "联合国实体");
        return entity.AddMember("UNDP", "UNDP", "开发署");
    }

    [Fact]
    public void A_fact_with_a_breakdown_names_its_dimension_and_member()
    {
        var fact = new StatisticFact(2019, Deployments, Undp(), 2671, Qualifier.Exact, new("DP/2020/14", "para 24"), null);

        (fact.Year, fact.MetricKey, fact.Dimension, fact.Member, fact.Value).ShouldBe((2019, "deployments", "entity", "UNDP", 2671m));
    }

    [Fact]
    public void A_fact_without_a_breakdown_has_neither_dimension_nor_member()
    {
        var fact = new StatisticFact(2019, WomenShare, null, 51, Qualifier.Exact, TestData.Source, null);

        fact.Dimension.ShouldBeNull();
        fact.Member.ShouldBeNull();
    }

    [Fact]
    public void A_prior_year_stated_in_a_later_report_is_a_fact_of_that_prior_year()
    {
        var months2018 = new StatisticFact(2018, new Metric("volunteer_months", Unit.Months, "Volunteer months", "志愿服务月数", "Months."), null, 53194, Qualifier.Exact, new("DP/2020/14", "para 31"), null);

        months2018.Year.ShouldBe(2018);
        months2018.Source.DocumentSymbol.ShouldBe("DP/2020/14");
    }

    [Fact]
    public void A_share_above_100_is_refused() =>
        Refusal.Of("Value", () => new StatisticFact(2019, WomenShare, null, 151, Qualifier.Exact, TestData.Source, null))
            .Message.ShouldBe("Women is a share and must be between 0 and 100 (got 151).");

    [Fact]
    public void A_change_may_be_negative()
    {
        var fact = new StatisticFact(2019, Growth, Undp(), -4, Qualifier.Exact, TestData.Source, null);

        fact.Value.ShouldBe(-4m);
    }

    [Fact]
    public void A_negative_count_is_refused() =>
        Refusal.Of("Value", () => new StatisticFact(2019, Deployments, null, -1, Qualifier.Exact, TestData.Source, null));

    [Theory]
    [InlineData(1969)]
    [InlineData(2201)]
    public void A_year_outside_1970_to_2200_is_refused(int year) =>
        Refusal.Of("Year", () => new StatisticFact(year, Deployments, null, 1, Qualifier.Exact, TestData.Source, null))
            .Message.ShouldBe($"Year must be between 1970 and 2200 (got {year}).");

    [Theory]
    [InlineData(StatisticFact.MinYear)]
    [InlineData(StatisticFact.MaxYear)]
    public void The_first_and_last_years_of_the_range_are_accepted(int year) =>
        new StatisticFact(year, Deployments, null, 1, Qualifier.Exact, TestData.Source, null).Year.ShouldBe(year);

    [Fact]
    public void A_note_longer_than_its_column_is_refused_by_name() =>
        Refusal.Of("Note", () => new StatisticFact(2019, Deployments, null, 1, Qualifier.Exact, TestData.Source, new string('n', StatisticFact.MaxNoteLength + 1)))
            .Message.ShouldStartWith("Note must be at most 500 characters");

    [Fact]
    public void The_qualifier_of_the_report_is_kept()
    {
        var fact = new StatisticFact(2021, Deployments, null, 420000, Qualifier.Nearly, TestData.Source, "Nearly 420,000.");

        fact.Qualifier.ShouldBe(Qualifier.Nearly);
        fact.Note.ShouldBe("Nearly 420,000.");
    }
}
