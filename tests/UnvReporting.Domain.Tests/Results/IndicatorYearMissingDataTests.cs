using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Tests.Results;

/// <summary>A stated reason for a year without a result (<see cref="IndicatorYear.StateMissingData"/>).</summary>
public class IndicatorYearMissingDataTests
{
    private static IndicatorYear WithoutResult() =>
        new(TestData.Indicator("2.1"), 2022, "2.1", TestData.Definition(Unit.Percent), 47, null, TestData.Source);

    [Fact]
    public void A_year_without_a_result_keeps_the_trimmed_reason()
    {
        var year = WithoutResult();

        year.StateMissingData("  The survey moved to 2023. ");

        year.MissingDataReason.ShouldBe("The survey moved to 2023.");
    }

    [Fact]
    public void A_blank_reason_clears_the_statement()
    {
        var year = WithoutResult();
        year.StateMissingData("The survey moved to 2023.");

        year.StateMissingData("  ");

        year.MissingDataReason.ShouldBeNull();
    }

    [Fact]
    public void A_year_with_a_result_refuses_a_reason_and_keeps_none()
    {
        var year = new IndicatorYear(TestData.Indicator("2.1"), 2022, "2.1", TestData.Definition(Unit.Percent), 47, 50, TestData.Source);

        Refusal.Of("MissingDataReason", () => year.StateMissingData("No survey."))
            .Message.ShouldBe("Indicator 2.1 has a result for 2022; a reason for missing data is only for a year without one.");
        year.MissingDataReason.ShouldBeNull();
    }

    [Fact]
    public void Entering_a_result_clears_the_reason()
    {
        var year = WithoutResult();
        year.StateMissingData("The survey moved to 2023.");

        year.Enter(47, 51, null, null);

        year.MissingDataReason.ShouldBeNull();
    }

    [Fact]
    public void Entering_without_a_result_keeps_the_reason()
    {
        var year = WithoutResult();
        year.StateMissingData("The survey moved to 2023.");

        year.Enter(48, null, "Narrative.", null);

        year.MissingDataReason.ShouldBe("The survey moved to 2023.");
    }

    [Fact]
    public void Setting_a_result_by_import_clears_the_reason()
    {
        var year = WithoutResult();
        year.StateMissingData("The survey moved to 2023.");

        year.SetFigures(47, 52);

        year.MissingDataReason.ShouldBeNull();
    }

    [Fact]
    public void A_reason_longer_than_its_column_is_refused_by_name() =>
        Refusal.Of("MissingDataReason", () => WithoutResult().StateMissingData(new string('x', 501)))
            .Message.ShouldStartWith("Reason for missing data must be at most 500 characters");
}
