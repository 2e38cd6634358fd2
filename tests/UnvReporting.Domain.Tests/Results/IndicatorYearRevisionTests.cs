using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Tests.Results;

/// <summary>A published year's correction, shown on the public indicator page (<see cref="IndicatorYear.MarkRevised"/>).</summary>
public class IndicatorYearRevisionTests
{
    private static IndicatorYear Published() =>
        new(TestData.Indicator("1.2"), 2021, "1.2", TestData.Definition(), 1_000_000, 1_663_729, TestData.Source);

    [Fact]
    public void Records_when_and_why_a_published_figure_was_corrected()
    {
        var year = Published();

        year.MarkRevised(new DateOnly(2022, 6, 1), "  Result corrected per DP/2022/24 para 14. ");

        year.RevisedOn.ShouldBe(new DateOnly(2022, 6, 1));
        year.RevisionReason.ShouldBe("Result corrected per DP/2022/24 para 14.");
    }

    [Theory]
    [InlineData(" ")]
    [InlineData(null)]
    public void A_correction_needs_a_reason_and_is_not_recorded_without_one(string? reason)
    {
        var year = Published();

        Refusal.Of("Reason", () => year.MarkRevised(new DateOnly(2022, 6, 1), reason!))
            .Message.ShouldContain("Reason");

        year.RevisedOn.ShouldBeNull();
        year.RevisionReason.ShouldBeNull();
    }
}
