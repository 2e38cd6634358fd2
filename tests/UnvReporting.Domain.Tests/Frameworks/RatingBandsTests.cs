using UnvReporting.Domain.Frameworks;

namespace UnvReporting.Domain.Tests.Frameworks;

public class RatingBandsTests
{
    [Fact]
    public void The_default_bands_are_those_of_paragraph_3()
    {
        RatingBands.Default.GreenFrom.ShouldBe(100);
        RatingBands.Default.YellowFrom.ShouldBe(60);
    }

    [Fact]
    public void Bands_are_configurable() =>
        new RatingBands(95, 50).ShouldBe(new RatingBands(95, 50));

    [Theory]
    [InlineData(60, 60)]
    [InlineData(60, 80)]
    public void Green_must_start_above_yellow(int green, int yellow) =>
        Should.Throw<DomainException>(() => new RatingBands(green, yellow)).Message.ShouldContain("Green must start above yellow");

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public void Yellow_must_start_above_zero(int yellow) =>
        Should.Throw<DomainException>(() => new RatingBands(100, yellow));

    [Fact]
    public void Green_cannot_start_beyond_1000_percent() =>
        Should.Throw<DomainException>(() => new RatingBands(1001, 60));
}
