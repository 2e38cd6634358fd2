using UnvReporting.Domain.Reporting;

namespace UnvReporting.Domain.Tests.Reporting;

/// <summary>The colour counts a report states in its paragraph 3.</summary>
public class StatedSummaryTests
{
    [Fact]
    public void Keeps_the_counts_and_where_the_report_states_them()
    {
        var stated = new StatedSummary(9, 5, 0, 0, " para 3 ");

        (stated.Green, stated.Yellow, stated.Red, stated.Grey).ShouldBe((9, 5, 0, (int?)0));
        stated.Locator.ShouldBe("para 3");
    }

    [Fact]
    public void The_total_counts_every_colour_including_grey() =>
        new StatedSummary(9, 4, 1, 2, "para 3").Total.ShouldBe(16);

    [Fact]
    public void A_report_that_does_not_mention_grey_totals_the_other_three()
    {
        // DP/2022/24 states green, yellow and red only.
        var stated = new StatedSummary(11, 2, 1, null, "para 3");

        stated.Grey.ShouldBeNull();
        stated.Total.ShouldBe(14);
    }

    [Fact]
    public void Zero_of_every_colour_is_a_count_a_report_can_state() =>
        new StatedSummary(0, 0, 0, 0, "para 3").Total.ShouldBe(0);

    [Theory]
    [InlineData(-1, 0, 0, 0)]
    [InlineData(0, -1, 0, 0)]
    [InlineData(0, 0, -1, 0)]
    [InlineData(0, 0, 0, -1)]
    public void No_count_can_be_negative(int green, int yellow, int red, int grey) =>
        Refusal.Of(DomainException.WholeObject, () => new StatedSummary(green, yellow, red, grey, "para 3"))
            .Message.ShouldBe("Stated colour counts cannot be negative.");

    [Fact]
    public void Where_the_report_states_them_is_required_and_named_when_missing() =>
        Refusal.Of("Locator", () => new StatedSummary(9, 5, 0, 0, " "))
            .Message.ShouldContain("Summary source paragraph");
}
