using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Staff;

namespace UnvReporting.Domain.Tests.Reporting;

public class EditRuleTests
{
    private static ReportingYear Year(ReportingStatus status) => new(TestData.Framework(), 2021, status, null, null);

    [Theory]
    [InlineData(ReportingStatus.Draft, StaffRole.Viewer, false, false)]
    [InlineData(ReportingStatus.Draft, StaffRole.Editor, true, false)]
    [InlineData(ReportingStatus.Draft, StaffRole.Approver, true, false)]
    [InlineData(ReportingStatus.Draft, StaffRole.Admin, true, false)]
    [InlineData(ReportingStatus.Submitted, StaffRole.Editor, false, false)]
    [InlineData(ReportingStatus.Submitted, StaffRole.Approver, false, false)]
    [InlineData(ReportingStatus.Submitted, StaffRole.Admin, false, false)]
    [InlineData(ReportingStatus.Published, StaffRole.Viewer, false, false)]
    [InlineData(ReportingStatus.Published, StaffRole.Editor, false, false)]
    [InlineData(ReportingStatus.Published, StaffRole.Approver, true, true)]
    [InlineData(ReportingStatus.Published, StaffRole.Admin, true, true)]
    public void Who_may_change_figures_depends_on_role_and_status(ReportingStatus status, StaffRole role, bool allowed, bool needsReason)
    {
        var rule = Year(status).EditRuleFor(role);

        rule.Allowed.ShouldBe(allowed);
        rule.NeedsReason.ShouldBe(needsReason);
        (rule.Refusal is null).ShouldBe(allowed);
    }

    [Fact]
    public void A_viewer_is_told_who_can_change_figures() =>
        Year(ReportingStatus.Draft).EditRuleFor(StaffRole.Viewer).Refusal?.ToString()
            .ShouldBe("A Viewer cannot change figures; Editors, Approvers and Admins can.");

    [Fact]
    public void An_editor_is_told_who_can_correct_a_published_year() =>
        Refusal.Of("Status", () => Year(ReportingStatus.Published).CheckEdit(StaffRole.Editor, "Typo."))
            .Message.ShouldBe("Year 2021 is published; only Approvers and Admins can correct it, with a reason.");

    [Theory]
    [InlineData("  Typo in 1.2. ", "Typo in 1.2.")]
    [InlineData(" ", null)]
    [InlineData(null, null)]
    public void A_draft_needs_no_reason_but_keeps_one_given(string? reason, string? kept) =>
        Year(ReportingStatus.Draft).CheckEdit(StaffRole.Editor, reason).ShouldBe(kept);

    [Fact]
    public void A_reason_longer_than_its_column_is_refused_by_name() =>
        Refusal.Of(ReportingYear.ReasonField, () => Year(ReportingStatus.Published).CheckEdit(StaffRole.Approver, new string('r', ReportingYear.MaxReasonLength + 1)))
            .Message.ShouldStartWith("Reason must be at most 500 characters");

    [Fact]
    public void A_published_correction_needs_a_reason() =>
        Refusal.Of(ReportingYear.ReasonField, () => Year(ReportingStatus.Published).CheckEdit(StaffRole.Approver, " "))
            .Message.ShouldBe("Year 2021 is published: say why it is being corrected (the indicator page shows the reason).");

    [Fact]
    public void The_reason_is_trimmed() =>
        Year(ReportingStatus.Published).CheckEdit(StaffRole.Admin, "  Corrected per para 14. ").ShouldBe("Corrected per para 14.");

    [Fact]
    public void A_submitted_year_is_frozen_with_a_message_saying_how_to_change_it() =>
        Refusal.Of("Status", () => Year(ReportingStatus.Submitted).CheckEdit(StaffRole.Editor, null))
            .Message.ShouldBe("Year 2021 is submitted for review and cannot be changed; an Approver can return it to draft.");

    [Theory]
    [InlineData(ReportingStatus.Draft, StaffRole.Viewer, false, false)]
    [InlineData(ReportingStatus.Draft, StaffRole.Editor, false, false)]
    [InlineData(ReportingStatus.Draft, StaffRole.Approver, true, true)]
    [InlineData(ReportingStatus.Draft, StaffRole.Admin, true, true)]
    [InlineData(ReportingStatus.Submitted, StaffRole.Approver, false, false)]
    [InlineData(ReportingStatus.Submitted, StaffRole.Admin, false, false)]
    [InlineData(ReportingStatus.Published, StaffRole.Editor, false, false)]
    [InlineData(ReportingStatus.Published, StaffRole.Approver, true, true)]
    public void A_figure_printed_in_a_published_report_is_changed_as_in_a_published_year(ReportingStatus status, StaffRole role, bool allowed, bool needsReason)
    {
        var rule = Year(status).EditRuleFor(role, printedIn: "DP/2022/24");

        rule.Allowed.ShouldBe(allowed);
        rule.NeedsReason.ShouldBe(needsReason);
    }

    [Fact]
    public void An_editor_is_told_that_a_printed_figure_needs_an_approver() =>
        Refusal.Of("Status", () => Year(ReportingStatus.Draft).CheckEdit(StaffRole.Editor, "Typo.", printedIn: "DP/2022/24"))
            .Message.ShouldBe("This figure of 2021 is printed in DP/2022/24, a published report; only Approvers and Admins can change it, with a reason.");

    [Fact]
    public void A_printed_figure_in_a_draft_needs_a_reason() =>
        Refusal.Of(ReportingYear.ReasonField, () => Year(ReportingStatus.Draft).CheckEdit(StaffRole.Approver, null, printedIn: "DP/2022/24"))
            .Message.ShouldBe("This figure of 2021 is printed in DP/2022/24, a published report: say why it is being corrected.");

    [Fact]
    public void A_printed_figure_is_corrected_with_its_reason() =>
        Year(ReportingStatus.Draft).CheckEdit(StaffRole.Approver, " The report's table was misread. ", printedIn: "DP/2022/24").ShouldBe("The report's table was misread.");
}
