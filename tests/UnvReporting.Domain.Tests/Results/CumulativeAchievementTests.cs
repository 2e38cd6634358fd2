using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Tests.Results;

public class CumulativeAchievementTests
{
    [Fact]
    public void Keeps_the_period_and_percentage_as_reviewed()
    {
        var achievement = new CumulativeAchievement(TestData.Indicator("1.2"), 2018, 2019, 253, new("DP/2020/14", "para 64"));

        (achievement.FromYear, achievement.ToYear, achievement.PercentOfTarget).ShouldBe((2018, 2019, 253));
    }

    [Fact]
    public void A_period_cannot_end_before_it_starts() =>
        Should.Throw<DomainException>(() => new CumulativeAchievement(TestData.Indicator("1.2"), 2019, 2018, 100, TestData.Source));
}
