using System.Globalization;
using UnvReporting.Domain;
using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Staff;
using UnvReporting.Web.Platform.Text;

namespace UnvReporting.Web.Tests.Platform.Text;

/// <summary>The domain's messages in the reader's language (docs/decisions/ADR-007).</summary>
public class DomainTextTests
{
    private static readonly StrategicFramework Framework = new(2022, 2025, "DP/2021/29", RatingBands.Default);

    private static DomainException Refusal(Action action) => Should.Throw<DomainException>(action);

    [Fact]
    public void A_refusal_reads_in_Chinese_with_its_label_translated_and_the_figure_as_typed()
    {
        var refusal = Refusal(() => Unit.Percent.Check(150, "Result", $"Result"));
        using var _ = ChineseText.In("zh-Hans");

        ChineseText.Localizer.Say(refusal).ShouldBe("结果是比例，必须在0至100之间（输入为150）。");
    }

    [Fact]
    public void A_status_reads_as_the_status_and_a_role_as_the_role()
    {
        var year = new ReportingYear(Framework, 2023, ReportingStatus.Published, null, null);
        var wrongStatus = Refusal(() => year.CheckDeletable(StaffRole.Admin, 0, 0));
        var wrongRole = Refusal(() => year.Withdraw(StaffRole.Editor, "Typo."));
        using var _ = ChineseText.In("zh-Hans");

        ChineseText.Localizer.Say(wrongStatus).ShouldBe("2023年度的状态为“已发布”；只有草稿年度才能删除。");
        ChineseText.Localizer.Say(wrongRole).ShouldBe("编辑者不能撤回年度；审批人和管理员可以。");
    }

    [Fact]
    public void Every_gap_of_the_publication_check_is_translated_inside_the_refusal()
    {
        var year = new ReportingYear(Framework, 2023, ReportingStatus.Draft, null, null);
        var check = PublicationCheck.Of(2023, [new PublicationRow("1.1", null, null, null)]);
        var refusal = Refusal(() => year.Submit(StaffRole.Editor, check));
        using var _ = ChineseText.In("zh-Hans");

        ChineseText.Localizer.Say(refusal).ShouldBe("2023年度尚不能提交：指标1.1没有里程碑。指标1.1既没有结果，也没有说明缺少数据的原因。");
    }

    [Fact]
    public void A_figure_in_the_wrong_form_names_the_language_as_that_language_does()
    {
        NumberInput.TryParse("4,5", Unit.Count, CultureInfo.GetCultureInfo("zh-Hans"), $"Milestone", out _, out var error).ShouldBeFalse();
        using var chinese = ChineseText.In("zh-Hans");

        ChineseText.Localizer.Say(error).ShouldBe("里程碑：“4,5”不是按中文（简体）书写的数字（例如 1,663,729.5）。");
    }

    [Fact]
    public void In_English_the_refusal_reads_as_its_message()
    {
        var year = new ReportingYear(Framework, 2023, ReportingStatus.Submitted, null, null);
        var refusals = new[]
        {
            Refusal(() => year.CheckDeletable(StaffRole.Admin, 0, 0)),
            Refusal(() => year.Submit(StaffRole.Viewer, PublicationCheck.Of(2023, []))),
            Refusal(() => new ReportingYear(Framework, 2023, ReportingStatus.Draft, null, null).Submit(StaffRole.Editor, PublicationCheck.Of(2023, []))),
            Refusal(() => Unit.Percent.Check(150, "Result", $"Milestone {2023}")),
        };
        using var _ = ChineseText.In("en");

        refusals.Select(r => ChineseText.Localizer.Say(r)).ShouldBe(refusals.Select(r => r.Message));
        ChineseText.Localizer.Say(refusals[0]).ShouldBe("Year 2023 is submitted; only a draft year can be deleted.");
    }

    [Fact]
    public void A_template_without_Chinese_falls_back_to_English_with_its_words_translated()
    {
        FormattableString untranslated = $"{StaffRole.Approver} reads {(FormattableString)$"Milestone"} of {2023} here.";
        using var _ = ChineseText.In("zh-Hans");

        ChineseText.Localizer.Say(untranslated).ShouldBe("审批者 reads 里程碑 of 2023 here.");
    }

    [Fact]
    public void No_message_is_no_text() =>
        ChineseText.Localizer.Say((FormattableString?)null).ShouldBeEmpty();
}
