using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Localization;

/// <summary>
/// The domain's refusals on the staff forms read in the reader's language (docs/decisions/ADR-007):
/// a figure out of range, a published year an Editor may not change, a correction without a
/// reason, the gaps that keep a year from being submitted. In English they read as before.
/// </summary>
public class ChineseRefusalsTests
{
    private static async Task<Dictionary<string, string>> EntryFormAsync(StaffBrowser client, string path)
    {
        var page = await client.GetDocumentAsync(path);
        return page.QuerySelectorAll("#entry-form input[name^='Rows'], #entry-form textarea[name^='Rows']")
            .ToDictionary(e => e.GetAttribute("name")!, e => e is IHtmlTextAreaElement area ? area.Value : e.GetAttribute("value") ?? string.Empty);
    }

    private static async Task<IDocument> PostEntryAsync(TestApp app, StaffBrowser client, int year, Action<Dictionary<string, string>> change)
    {
        var form = await EntryFormAsync(client, app.Url.StaffYear(year));
        change(form);
        var response = await client.PostFormAsync(app.Url.StaffYear(year), form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await Html.ParseAsync(response);
    }

    /// <summary>The element's text, once the word check of <see cref="ChinesePagesTests"/> found no English in it.</summary>
    private static async Task<string> ChineseAsync(IElement? element)
    {
        element.ShouldNotBeNull();
        var text = element.Text().Trim();
        var alone = await Html.ParseAsync($"<html lang=\"zh-Hans\"><body><p>{WebUtility.HtmlEncode(text)}</p></body></html>");
        EnglishWords.In(alone).ShouldBeEmpty(text);
        return text;
    }

    [Theory, BothProviders]
    public async Task A_share_over_one_hundred_is_refused_in_the_readers_language(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var editor = await app.SignedInAsync(StaffRole.Editor);

        var inEnglish = await PostEntryAsync(app, editor, DraftYear.Year, form => form["Rows[0].Milestone"] = "150");
        await editor.GetAsync("/?culture=zh-Hans");
        var inChinese = await PostEntryAsync(app, editor, DraftYear.Year, form => form["Rows[0].Milestone"] = "150");

        inEnglish.QuerySelector("#row-1-1-milestone-error")!.Text().ShouldBe("Milestone is a share and must be between 0 and 100 (got 150).");
        (await ChineseAsync(inChinese.QuerySelector("#row-1-1-milestone-error"))).ShouldBe("里程碑是比例，必须在0至100之间（输入为150）。");
    }

    [Theory, BothProviders]
    public async Task A_published_year_tells_an_editor_in_Chinese_who_may_correct_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        await editor.GetAsync("/?culture=zh-Hans");

        var page = await editor.GetDocumentAsync(app.Url.StaffYear(2021));

        (await ChineseAsync(page.QuerySelector("#read-only-note"))).ShouldBe("2021年度已发布；只有审批人和管理员可以更正，并须说明理由。");
    }

    [Theory, BothProviders]
    public async Task A_correction_without_a_reason_is_refused_in_Chinese_and_in_English_as_before(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var approver = await app.SignedInAsync(StaffRole.Approver);
        static void Correct(Dictionary<string, string> form)
        {
            var row = form.Single(f => f.Key.EndsWith(".Key", StringComparison.Ordinal) && f.Value == "1.1").Key.Split('.')[0];
            form[$"{row}.Result"] = "64";
        }

        var inEnglish = await PostEntryAsync(app, approver, 2021, Correct);
        await approver.GetAsync("/?culture=zh-Hans");
        var inChinese = await PostEntryAsync(app, approver, 2021, Correct);

        inEnglish.QuerySelector("#reason-error")!.Text().ShouldBe("Year 2021 is published: say why it is being corrected (the indicator page shows the reason).");
        (await ChineseAsync(inChinese.QuerySelector("#reason-error"))).ShouldBe("2021年度已发布：请说明更正的理由（指标页面会显示该理由）。");
    }

    [Theory, BothProviders]
    public async Task The_gaps_that_keep_a_year_from_submission_are_listed_and_refused_in_Chinese(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddLackingAResultAsync(app);

        using var editor = await app.SignedInAsync(StaffRole.Editor);
        await editor.GetAsync("/?culture=zh-Hans");
        var page = await editor.GetDocumentAsync(editor.Url.Staff);
        (await ChineseAsync(page.QuerySelector($"tr[data-year='{DraftYear.Year}'] .publication-gaps li"))).ShouldBe("指标1.1既没有结果，也没有说明缺少数据的原因。");

        var version = page.QuerySelector($"tr[data-year='{DraftYear.Year}'] input[name=version]")!.GetAttribute("value")!;
        var submitted = await editor.PostFormAsync(editor.Url.Page("/Staff/Index", "Submit"),
            new Dictionary<string, string> { ["year"] = $"{DraftYear.Year}", ["version"] = version }, pagePath: editor.Url.Staff);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await editor.GetDocumentAsync(editor.Url.Staff);
        (await ChineseAsync(after.QuerySelector("[role=status]"))).ShouldBe("2020年度尚不能提交：指标1.1既没有结果，也没有说明缺少数据的原因。");
    }
}
