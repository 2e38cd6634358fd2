using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Staff;

namespace UnvReporting.Domain.Tests.Reporting;

public class ReportingYearTests
{
    private const string Publisher = "approver-id";

    private static ReportingYear Draft() => new(TestData.Framework(), 2021, ReportingStatus.Draft, null, null);

    private static PublicationCheck Ready(int year) => PublicationCheck.Of(year, [new PublicationRow("1.1", 50, 40, null)]);

    private static readonly PublicationCheck Ready2021 = Ready(2021);

    [Fact]
    public void A_year_outside_its_framework_is_refused() =>
        Refusal.Of("Year", () => new ReportingYear(TestData.Framework(), 2022, ReportingStatus.Draft, null, null))
            .Message.ShouldBe("Year 2022 is outside the 2018-2021 framework.");

    [Fact]
    public void Moves_from_draft_through_submitted_to_published()
    {
        var year = Draft();

        year.Submit(StaffRole.Editor, Ready2021);
        year.Status.ShouldBe(ReportingStatus.Submitted);
        ReportingYear.IsPublic(year.Status).ShouldBeFalse();

        year.Publish(StaffRole.Approver, Publisher, Ready2021, [], fourEyes: true);
        year.Status.ShouldBe(ReportingStatus.Published);
        ReportingYear.IsPublic(year.Status).ShouldBeTrue();
    }

    [Theory]
    [InlineData(ReportingStatus.Draft, false)]
    [InlineData(ReportingStatus.Submitted, false)]
    [InlineData(ReportingStatus.Published, true)]
    public void Only_a_published_status_is_public_as_a_rule_and_as_the_expression_queries_use(ReportingStatus status, bool expected)
    {
        ReportingYear.IsPublic(status).ShouldBe(expected);
        ReportingYear.PublicStatus.Compile()(status).ShouldBe(expected);
    }

    [Fact]
    public void A_submitted_year_can_be_returned_to_draft_with_a_comment()
    {
        var year = Draft();
        year.Submit(StaffRole.Editor, Ready2021);

        year.ReturnToDraft(StaffRole.Approver, "  Check 1.2 against para 4.  ");

        year.Status.ShouldBe(ReportingStatus.Draft);
        year.ReturnComment.ShouldBe("Check 1.2 against para 4.");
    }

    [Fact]
    public void Submitting_again_clears_the_return_comment()
    {
        var year = Draft();
        year.Submit(StaffRole.Editor, Ready2021);
        year.ReturnToDraft(StaffRole.Admin, "Missing narratives.");

        year.Submit(StaffRole.Editor, Ready2021);

        year.ReturnComment.ShouldBeNull();
    }

    [Fact]
    public void Returning_needs_a_comment()
    {
        var year = Draft();
        year.Submit(StaffRole.Editor, Ready2021);

        Refusal.Of("ReturnComment", () => year.ReturnToDraft(StaffRole.Approver, "  "))
            .Message.ShouldContain("Comment for the editors");
        year.Status.ShouldBe(ReportingStatus.Submitted);
    }

    [Theory]
    [InlineData(StaffRole.Viewer)]
    [InlineData(StaffRole.Editor)]
    public void Only_approvers_and_admins_publish_or_return(StaffRole role)
    {
        var year = Draft();
        year.Submit(StaffRole.Editor, Ready2021);

        Refusal.Of(DomainException.WholeObject, () => year.Publish(role, Publisher, Ready2021, [], fourEyes: true)).Message.ShouldBe($"A {role} cannot publish a year; Approvers and Admins can.");
        Refusal.Of(DomainException.WholeObject, () => year.ReturnToDraft(role, "No.")).Message.ShouldBe($"A {role} cannot return a year; Approvers and Admins can.");
        year.Status.ShouldBe(ReportingStatus.Submitted);
    }

    [Fact]
    public void A_viewer_cannot_submit() =>
        Refusal.Of(DomainException.WholeObject, () => Draft().Submit(StaffRole.Viewer, Ready2021))
            .Message.ShouldBe("A Viewer cannot submit a year; Editors, Approvers and Admins can.");

    [Fact]
    public void A_draft_cannot_be_published_without_being_submitted() =>
        Refusal.Of("Status", () => Draft().Publish(StaffRole.Admin, Publisher, Ready2021, [], fourEyes: true))
            .Message.ShouldBe("Year 2021 is draft; only a submitted year can be published.");

    [Fact]
    public void Only_a_submitted_year_can_be_returned_to_draft() =>
        Refusal.Of("Status", () => Draft().ReturnToDraft(StaffRole.Admin, "Why not."))
            .Message.ShouldBe("Year 2021 is draft; only a submitted year can be returned to draft.");

    [Fact]
    public void A_published_year_cannot_be_submitted_again()
    {
        var year = new ReportingYear(TestData.Framework(), 2019, ReportingStatus.Published, "DP/2020/14", null);

        Refusal.Of("Status", () => year.Submit(StaffRole.Admin, Ready(2019)))
            .Message.ShouldBe("Year 2019 is published; only a draft year can be submitted.");
        year.Status.ShouldBe(ReportingStatus.Published);
    }

    [Fact]
    public void Keeps_the_report_it_was_loaded_from_and_the_colour_counts_it_states()
    {
        var stated = new StatedSummary(11, 2, 1, null, "para 3");
        var year = new ReportingYear(TestData.Framework(), 2021, ReportingStatus.Published, " DP/2022/24 ", stated);

        year.DocumentSymbol.ShouldBe("DP/2022/24");
        year.StatedSummary.ShouldBe(stated);
    }

    [Fact]
    public void A_year_entered_here_has_no_report_symbol() =>
        new ReportingYear(TestData.Framework(), 2021, ReportingStatus.Draft, "  ", null).DocumentSymbol.ShouldBeNull();

    [Fact]
    public void A_report_symbol_longer_than_its_column_is_refused_by_name() =>
        Refusal.Of("DocumentSymbol", () => new ReportingYear(TestData.Framework(), 2021, ReportingStatus.Draft, "DP/" + new string('9', 40), null))
            .Message.ShouldStartWith("Report symbol must be at most 40 characters");
}
