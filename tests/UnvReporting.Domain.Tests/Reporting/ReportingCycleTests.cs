using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Staff;

namespace UnvReporting.Domain.Tests.Reporting;

/// <summary>The publication check, four eyes, withdrawal and deleting an empty draft.</summary>
public class ReportingCycleTests
{
    private static readonly PublicationCheck Ready = PublicationCheck.Of(2021, [new PublicationRow("1.1", 50, 40, null)]);

    private static ReportingYear Submitted()
    {
        var year = new ReportingYear(TestData.Framework(), 2021, ReportingStatus.Draft, null, null);
        year.Submit(StaffRole.Editor, Ready);
        return year;
    }

    private static ReportingYear Published() => new(TestData.Framework(), 2021, ReportingStatus.Published, null, null);

    [Fact]
    public void A_year_without_indicators_fails_the_check() =>
        PublicationCheck.Of(2022, []).Problems.Select(p => p.ToString()).ShouldBe(["Year 2022 has no indicators yet."]);

    [Fact]
    public void Every_gap_is_listed_in_the_order_of_the_table()
    {
        var check = PublicationCheck.Of(2022,
        [
            new PublicationRow("1.1", 10, 5, null),
            new PublicationRow("1.2", null, 5, null),
            new PublicationRow("1.3", 10, null, null),
            new PublicationRow("2.1", null, null, "  "),
        ]);

        check.Passed.ShouldBeFalse();
        check.Problems.Select(p => p.ToString()).ShouldBe(
        [
            "Indicator 1.2 has no milestone.",
            "Indicator 1.3 has no result and no reason for missing data.",
            "Indicator 2.1 has no milestone.",
            "Indicator 2.1 has no result and no reason for missing data.",
        ]);
    }

    [Fact]
    public void A_stated_reason_stands_in_for_a_missing_result() =>
        PublicationCheck.Of(2022, [new PublicationRow("1.1", 10, null, "The survey moved to 2023.")]).Passed.ShouldBeTrue();

    [Fact]
    public void A_year_with_gaps_cannot_be_submitted_and_stays_a_draft()
    {
        var year = new ReportingYear(TestData.Framework(), 2021, ReportingStatus.Draft, null, null);

        Refusal.Of(DomainException.WholeObject, () => year.Submit(StaffRole.Editor, PublicationCheck.Of(2021, [])))
            .Message.ShouldBe("Year 2021 cannot be submitted yet: Year 2021 has no indicators yet.");
        year.Status.ShouldBe(ReportingStatus.Draft);
    }

    [Fact]
    public void A_year_with_gaps_cannot_be_published_and_stays_submitted()
    {
        var year = Submitted();
        var gaps = PublicationCheck.Of(2021, [new PublicationRow("1.1", null, 5, null), new PublicationRow("1.2", 5, null, null)]);

        Refusal.Of(DomainException.WholeObject, () => year.Publish(StaffRole.Approver, "approver", gaps, [], fourEyes: true))
            .Message.ShouldBe("Year 2021 cannot be published yet: Indicator 1.1 has no milestone. Indicator 1.2 has no result and no reason for missing data.");
        year.Status.ShouldBe(ReportingStatus.Submitted);
    }

    [Fact]
    public void A_check_of_another_year_is_a_programming_error() =>
        Should.Throw<ArgumentException>(() => Submitted().Publish(StaffRole.Approver, "approver", PublicationCheck.Of(2020, [new PublicationRow("1.1", 1, 1, null)]), [], fourEyes: true));

    [Fact]
    public void With_four_eyes_a_contributor_cannot_publish()
    {
        var year = Submitted();

        Refusal.Of(DomainException.WholeObject, () => year.Publish(StaffRole.Admin, "editor-1", Ready, ["editor-1", "editor-2"], fourEyes: true))
            .Message.ShouldBe("You submitted year 2021 or changed its figures since it was last reviewed, so another Approver or Admin must publish it.");
        year.Status.ShouldBe(ReportingStatus.Submitted);
    }

    [Fact]
    public void With_four_eyes_someone_else_publishes_and_it_is_not_their_own_work()
    {
        var year = Submitted();

        year.Publish(StaffRole.Approver, "approver", Ready, ["editor-1"], fourEyes: true).ShouldBeFalse();

        year.Status.ShouldBe(ReportingStatus.Published);
    }

    [Fact]
    public void Without_four_eyes_a_contributor_publishes_and_is_told_it_was_their_own_work()
    {
        var year = Submitted();

        year.Publish(StaffRole.Approver, "editor-1", Ready, ["editor-1"], fourEyes: false).ShouldBeTrue();

        year.Status.ShouldBe(ReportingStatus.Published);
    }

    [Fact]
    public void Account_ids_are_compared_exactly() =>
        Submitted().Publish(StaffRole.Approver, "EDITOR-1", Ready, ["editor-1"], fourEyes: true).ShouldBeFalse();

    [Fact]
    public void A_published_year_is_withdrawn_to_review_with_a_reason()
    {
        var year = Published();

        year.Withdraw(StaffRole.Approver, "  Figure 1.2 was wrong.  ").ShouldBe("Figure 1.2 was wrong.");

        year.Status.ShouldBe(ReportingStatus.Submitted);
        ReportingYear.IsPublic(year.Status).ShouldBeFalse();
    }

    [Fact]
    public void Withdrawing_needs_a_reason_and_leaves_the_year_published()
    {
        var year = Published();

        Refusal.Of("Reason", () => year.Withdraw(StaffRole.Admin, " ")).Message.ShouldContain("Reason for withdrawing");
        year.Status.ShouldBe(ReportingStatus.Published);
    }

    [Theory]
    [InlineData(StaffRole.Viewer)]
    [InlineData(StaffRole.Editor)]
    public void Only_approvers_and_admins_withdraw(StaffRole role) =>
        Refusal.Of(DomainException.WholeObject, () => Published().Withdraw(role, "Wrong."))
            .Message.ShouldBe($"A {role} cannot withdraw a year; Approvers and Admins can.");

    [Fact]
    public void Only_a_published_year_can_be_withdrawn() =>
        Refusal.Of("Status", () => Submitted().Withdraw(StaffRole.Admin, "Wrong."))
            .Message.ShouldBe("Year 2021 is submitted; only a published year can be withdrawn.");

    [Fact]
    public void An_empty_draft_may_be_deleted_by_an_admin() =>
        Should.NotThrow(() => new ReportingYear(TestData.Framework(), 2021, ReportingStatus.Draft, null, null).CheckDeletable(StaffRole.Admin, 0, 0));

    [Theory]
    [InlineData(1, 0, "Year 2021 is not empty (indicator figures: 1, statistics: 0); only an empty draft can be deleted.")]
    [InlineData(0, 3, "Year 2021 is not empty (indicator figures: 0, statistics: 3); only an empty draft can be deleted.")]
    public void A_draft_holding_anything_is_kept(int indicatorYears, int facts, string message) =>
        Refusal.Of(DomainException.WholeObject, () => new ReportingYear(TestData.Framework(), 2021, ReportingStatus.Draft, null, null).CheckDeletable(StaffRole.Admin, indicatorYears, facts))
            .Message.ShouldBe(message);

    [Fact]
    public void Only_a_draft_can_be_deleted() =>
        Refusal.Of("Status", () => Submitted().CheckDeletable(StaffRole.Admin, 0, 0))
            .Message.ShouldBe("Year 2021 is submitted; only a draft year can be deleted.");

    [Theory]
    [InlineData(StaffRole.Editor)]
    [InlineData(StaffRole.Approver)]
    public void Only_admins_delete_a_year(StaffRole role) =>
        Refusal.Of(DomainException.WholeObject, () => new ReportingYear(TestData.Framework(), 2021, ReportingStatus.Draft, null, null).CheckDeletable(role, 0, 0))
            .Message.ShouldBe($"A {role} cannot delete a year; Admins can.");
}
