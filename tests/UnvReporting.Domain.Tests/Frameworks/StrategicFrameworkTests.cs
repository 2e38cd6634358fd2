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

    [Fact]
    public void Keeps_its_document_and_bands()
    {
        var bands = new RatingBands(90, 50);

        var framework = new StrategicFramework(2022, 2025, " DP/2022/11 ", bands);

        (framework.StartYear, framework.EndYear).ShouldBe((2022, 2025));
        framework.DocumentSymbol.ShouldBe("DP/2022/11");
        framework.Bands.ShouldBe(bands);
    }

    [Theory]
    [InlineData(2018, 2018)]
    [InlineData(2018, 2028)]
    [InlineData(1970, 1973)]
    [InlineData(2200, 2203)]
    public void A_period_starting_from_1970_to_2200_and_ending_up_to_ten_years_later_is_accepted(int start, int end) =>
        new StrategicFramework(start, end, "DP/2018/6", RatingBands.Default).Code.ShouldBe($"{start}-{end}");

    [Theory]
    [InlineData(1969)]
    [InlineData(2201)]
    public void A_start_outside_1970_to_2200_is_refused(int start) =>
        Refusal.Of("StartYear", () => new StrategicFramework(start, start + 3, "DP/2018/6", RatingBands.Default))
            .Message.ShouldBe($"A framework must start between 1970 and 2200 (got {start}).");

    [Theory]
    [InlineData(2021, 2018)]
    [InlineData(2018, 2029)]
    public void Refuses_a_period_that_ends_before_it_starts_or_more_than_ten_years_later(int start, int end) =>
        Refusal.Of("EndYear", () => new StrategicFramework(start, end, "DP/2018/6", RatingBands.Default))
            .Message.ShouldBe($"A framework must end in or after its first year and last at most ten years ({start}-{end}).");

    [Fact]
    public void Its_document_is_required_and_named_when_missing() =>
        Refusal.Of("DocumentSymbol", () => new StrategicFramework(2018, 2021, " ", RatingBands.Default))
            .Message.ShouldContain("Framework document");

    [Fact]
    public void Bands_can_change()
    {
        var framework = TestData.Framework();

        framework.ChangeBands(new RatingBands(90, 50));

        framework.Bands.ShouldBe(new RatingBands(90, 50));
    }
}
