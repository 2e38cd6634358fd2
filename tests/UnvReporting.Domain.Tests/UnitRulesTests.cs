namespace UnvReporting.Domain.Tests;

public class UnitRulesTests
{
    [Theory]
    [InlineData(Unit.Percent, 0)]
    [InlineData(Unit.Percent, 100)]
    [InlineData(Unit.PercentChange, -100)]
    [InlineData(Unit.PercentChange, 122)]
    [InlineData(Unit.PercentChange, 100_000)]
    [InlineData(Unit.Usd, 100_000_000_000)]
    [InlineData(Unit.Count, 0)]
    [InlineData(Unit.Usd, 270000000)]
    [InlineData(Unit.WorkingDays, 74)]
    public void Accepts_values_the_unit_can_take(Unit unit, double value) =>
        unit.Check((decimal)value, "Value", $"Value").ShouldBe((decimal)value);

    [Theory]
    [InlineData(Unit.Percent, -0.5)]
    [InlineData(Unit.Percent, 100.5)]
    [InlineData(Unit.PercentChange, -101)]
    [InlineData(Unit.PercentChange, 100_001)]
    [InlineData(Unit.Count, -1)]
    [InlineData(Unit.Months, -0.1)]
    [InlineData(Unit.Usd, 1e12)]
    public void Refuses_values_the_unit_cannot_take(Unit unit, double value) =>
        Refusal.Of("Value", () => unit.Check((decimal)value, "Value", $"Value"));

    [Theory]
    [InlineData(Unit.Percent, 101, "Share is a share and must be between 0 and 100 (got 101).")]
    [InlineData(Unit.PercentChange, -101, "Share is a change in percent and must be between -100 and 100000 (got -101).")]
    [InlineData(Unit.Count, -1, "Share cannot be negative (got -1).")]
    [InlineData(Unit.Years, 100_000_000_001, "Share is implausibly large (got 100000000001).")]
    public void The_refusal_carries_the_field_and_its_message_names_the_label_the_rule_and_the_value(Unit unit, double value, string message) =>
        Refusal.Of("WomenShare", () => unit.Check((decimal)value, "WomenShare", $"Share")).Message.ShouldBe(message);

    [Fact]
    public void Keeps_four_decimal_places_and_refuses_a_fifth()
    {
        Unit.Months.Check(7.6543m, "Value", $"Average assignment").ShouldBe(7.6543m);

        Refusal.Of("Value", () => Unit.Months.Check(7.65432m, "Value", $"Average assignment"))
            .Message.ShouldBe("Average assignment can have at most 4 decimal places (got 7.65432).");
    }
}
