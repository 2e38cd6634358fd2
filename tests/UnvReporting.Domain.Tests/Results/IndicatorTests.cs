using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Tests.Results;

public class IndicatorTests
{
    [Fact]
    public void Keeps_its_key_and_area()
    {
        var area = TestData.Output();
        var indicator = new Indicator(1, "2.1.1a", area, 3);

        indicator.Key.ShouldBe("2.1.1a");
        indicator.Area.ShouldBeSameAs(area);
        indicator.SortOrder.ShouldBe(3);
    }

    [Fact]
    public void Refuses_a_key_not_in_normal_form() =>
        Should.Throw<DomainException>(() => new Indicator(1, "2.1.1.a", TestData.Output(), 0))
            .Message.ShouldContain("'2.1.1a'");
}
