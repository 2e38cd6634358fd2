using UnvReporting.Domain.Frameworks;

namespace UnvReporting.Domain.Tests.Frameworks;

public class StrategicFrameworkTests
{
    [Fact]
    public void Its_code_is_its_period()
    {
        var framework = new StrategicFramework(2022, 2025, "DP/2022/11", RatingBands.Default);

        framework.Code.ShouldBe("2022-2025");
    }

    [Theory]
    [InlineData(2017, false)]
    [InlineData(2018, true)]
    [InlineData(2021, true)]
    [InlineData(2022, false)]
    public void Covers_the_years_of_its_period(int year, bool covered) =>
        TestData.Framework().Covers(year).ShouldBe(covered);

    [Theory]
    [InlineData(2021, 2018)]
    [InlineData(2018, 2040)]
    [InlineData(1900, 1903)]
    public void Refuses_an_impossible_period(int start, int end) =>
        Should.Throw<DomainException>(() => new StrategicFramework(start, end, "DP/2018/6", RatingBands.Default));

    [Fact]
    public void Bands_can_change()
    {
        var framework = TestData.Framework();

        framework.ChangeBands(new RatingBands(90, 50));

        framework.Bands.ShouldBe(new RatingBands(90, 50));
    }
}
