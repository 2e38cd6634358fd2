using UnvReporting.Domain.Results;
using UnvReporting.Domain.Sources;

namespace UnvReporting.Domain.Tests.Results;

public class CumulativeAchievementTests
{
    [Fact]
    public void Keeps_the_period_and_percentage_as_reviewed()
    {
        var indicator = TestData.Indicator("1.2");
        var source = new SourceReference("DP/2020/14", "para 64");

        var achievement = new CumulativeAchievement(indicator, 2018, 2019, 253, source);

        (achievement.FromYear, achievement.ToYear, achievement.PercentOfTarget).ShouldBe((2018, 2019, 253));
        achievement.Indicator.ShouldBeSameAs(indicator);
        achievement.Source.ShouldBe(source);
    }

    [Fact]
    public void A_period_may_be_a_single_year() =>
        new CumulativeAchievement(TestData.Indicator("1.2"), 2019, 2019, 100, TestData.Source).ToYear.ShouldBe(2019);

    [Fact]
    public void A_period_cannot_end_before_it_starts() =>
        Refusal.Of("ToYear", () => new CumulativeAchievement(TestData.Indicator("1.2"), 2019, 2018, 100, TestData.Source))
            .Message.ShouldContain("must end in or after its first year (2019-2018)");

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public void A_percentage_from_0_to_100000_is_kept(int percent) =>
        new CumulativeAchievement(TestData.Indicator("1.2"), 2018, 2019, percent, TestData.Source).PercentOfTarget.ShouldBe(percent);

    [Theory]
    [InlineData(-1)]
    [InlineData(100_001)]
    public void A_percentage_outside_0_to_100000_is_refused(int percent) =>
        Refusal.Of("PercentOfTarget", () => new CumulativeAchievement(TestData.Indicator("1.2"), 2018, 2019, percent, TestData.Source))
            .Message.ShouldContain($"percentage of target must be between 0% and 100000% (got {percent}%)");
}
