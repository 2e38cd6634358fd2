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
        Refusal.Of("Key", () => new Indicator(1, "2.1.1.a", TestData.Output(), 0))
            .Message.ShouldContain("'2.1.1a'");

    [Fact]
    public void Moves_to_another_area_of_its_framework()
    {
        var indicator = TestData.Indicator();
        var other = TestData.Output("2.2");

        indicator.Move(other, 7);

        indicator.Area.ShouldBeSameAs(other);
        indicator.SortOrder.ShouldBe(7);
    }

    [Fact]
    public void Cannot_move_to_an_area_of_another_framework()
    {
        var indicator = TestData.Indicator();
        var elsewhere = new ResultArea(2, "1", ResultAreaKind.Outcome, null, "Outcome", "成果", 0);

        Refusal.Of("Area", () => indicator.Move(elsewhere, 1)).Message.ShouldContain("its own framework");

        indicator.Area.ShouldNotBeSameAs(elsewhere);
    }
}
