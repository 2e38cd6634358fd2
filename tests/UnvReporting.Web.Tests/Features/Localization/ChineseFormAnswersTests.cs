using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Features.Admin.Frameworks;
using UnvReporting.Web.Tests.Features.Staff.Years.Import;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Localization;

/// <summary>
/// What a staff member who chose Chinese reads after posting a form: the refusals, the conflicts
/// and the success messages are Chinese, and the page that carries them has no English word
/// (<see cref="EnglishWords"/>), as the pages a GET shows (<see cref="ChinesePagesTests"/>).
/// </summary>
public class ChineseFormAnswersTests
{
    [Theory, BothProviders]
    public async Task Account_forms_answer_in_Chinese(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await ChineseAdminAsync(app);

        var tooShort = await admin.PostFormAsync(app.Url.NewUser, Account("new.person@unv.test", "短密码短密码"));
        Shows(await tooShort.DocumentAsync(), "#password-error", "密码至少须有 12 个字符。");

        var taken = await admin.PostFormAsync(app.Url.NewUser, Account(StaffAccounts.EmailFor(StaffRole.Admin), StaffAccounts.Password));
        Shows(await taken.DocumentAsync(), "#email-error", $"地址 {StaffAccounts.EmailFor(StaffRole.Admin)} 已被另一个账户使用。");

        var created = await admin.PostFormAsync(app.Url.NewUser, Account("new.person@unv.test", StaffAccounts.Password));
        Shows(await admin.FollowAsync(created), "#account-message", "已创建账户 new.person@unv.test，角色为编辑者。");

        var wrongPassword = await admin.PostFormAsync(app.Url.Password, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "不是当前的密码不是当前的密码",
            ["Input.NewPassword"] = "一个新的足够长的密码短语",
            ["Input.ConfirmPassword"] = "一个新的足够长的密码短语",
        });
        Shows(await wrongPassword.DocumentAsync(), "#current-error", "当前密码不正确。失败 5 次后，账户将被锁定 15 分钟。");

        Shows(await admin.GetDocumentAsync(app.Url.Audit(new { key = "1..1" })), "#key-error", "“1..1”不是指标编号（指标编号形如 1.1、2.1.1 或 2.1.1a）。");
    }

    [Theory, BothProviders]
    public async Task A_year_save_its_conflict_and_a_taken_year_answer_in_Chinese(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var first = await ChineseAdminAsync(app);
        using var second = await app.SignedInAsync(StaffRole.Approver);
        (await second.GetAsync("/?culture=zh-Hans")).EnsureSuccessStatusCode();
        var year = app.Url.StaffYear(DraftYear.Year);
        var firstForm = await EntryFormAsync(first, year);
        var secondForm = await EntryFormAsync(second, year);

        firstForm["Rows[0].Result"] = "45";
        var saved = await first.PostFormAsync(year, firstForm);
        Shows(await first.FollowAsync(saved), ".alert-success", "已保存 1 项指标。");

        secondForm["Rows[0].Result"] = "48";
        var refused = await second.PostFormAsync(year, secondForm);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await refused.DocumentAsync();
        Shows(page, ".validation-summary-errors", "您打开本页后，其他人保存了其中部分指标。未保存任何内容。");
        page.QuerySelector(".conflict-note")!.Text().ShouldStartWith($"{StaffAccounts.EmailFor(StaffRole.Admin)} 于 ");
        page.QuerySelector(".conflict-note")!.Text().ShouldEndWith("（UTC）保存了此行：里程碑 50，结果 45。");

        var taken = await first.PostFormAsync(app.Url.NewYear, new Dictionary<string, string>
        {
            ["Input.FrameworkCode"] = "2018-2021",
            ["Input.Year"] = DraftYear.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Shows(await taken.DocumentAsync(), "#year-error", $"{DraftYear.Year}年度已存在，可在工作人员主页上找到。");
    }

    [Theory, BothProviders]
    public async Task An_import_its_problems_its_review_and_its_confirmation_answer_in_Chinese(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        (await editor.GetAsync("/?culture=zh-Hans")).EnsureSuccessStatusCode();
        string version;
        await using (var scope = app.CreateDbScope())
        {
            var draft = await scope.Db.IndicatorYears.SingleAsync(iy => iy.Year == DraftYear.Year);
            version = ConcurrencyVersion.Of(scope.Db.Entry(draft))!;
        }

        var header = string.Join(',', Workbooks.IndicatorHeader);
        var withProblems = Workbooks.Csv(header, $"1.1,,,,50,45,,,{version}", $"9.9,,,,50,45,,,{version}", $"1.1,,,,50,46,,,{version}");
        var problems = await (await editor.UploadAsync(DraftYear.Year, withProblems, "数据.CSV")).DocumentAsync();
        Shows(problems, "#upload-errors-summary", "数据.CSV有2个问题，列于下方。");
        Shows(problems, "#import-errors tr[data-row='3'][data-column='Key']", "指标“9.9”不属于2020年度。");
        Shows(problems, "#import-errors tr[data-row='4'][data-column='Key']", "指标 1.1 出现了两次（另见第 2 行）。");

        // A file refused whole names the template's columns, which are English whatever the
        // reader's language: the words around them are Chinese.
        var refused = await (await editor.UploadAsync(DraftYear.Year, Workbooks.Csv("Key,Milestones,Result", "1.1,5,5"), "数据.CSV")).DocumentAsync();
        refused.QuerySelector("#upload-refused")!.Text().ShouldStartWith("指标工作表（CSV）的列不正确：未知列“Milestones”；缺少列 Milestone；");

        var clean = await editor.UploadAsync(DraftYear.Year, Workbooks.Csv(header, $"1.1,,,,50,45,,,{version}"), "数据.CSV");
        clean.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var review = await editor.FollowAsync(clean);
        Shows(review, "#import-changes caption", "文件所作的更改（1 行中有 1 行有更改）");
        Shows(review, "#confirm-form button", "确认：导入 1 行");

        var confirmed = await editor.SubmitAsync(review, "#confirm-form");
        Shows(await editor.FollowAsync(confirmed), "#import-message", "已导入 数据.CSV：更改了 1 行，共 1 个值。");
    }

    [Theory, BothProviders]
    public async Task Starting_a_framework_without_picks_answers_in_Chinese(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await FrameworkFiles.CreateFrameworkAsync(app);
        using var admin = await ChineseAdminAsync(app);
        var start = app.Url.Page("/Admin/Frameworks/Start", new { code = FrameworkFiles.Code });

        var response = await admin.PostFormAsync(start, new Dictionary<string, string>
        {
            ["From"] = "2018-2021",
            ["Picks[0].SourceKey"] = "1.1",
            ["Picks[0].NewKey"] = "1.1",
        }, $"{start}?from=2018-2021");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Shows(await response.DocumentAsync(), "#start-errors", "请勾选延续到本框架的指标。");
    }

    /// <summary>The page is Chinese, the element holds the message, and no English word is left anywhere on it.</summary>
    private static void Shows(IDocument page, string selector, string message)
    {
        page.DocumentElement.GetAttribute("lang").ShouldBe("zh-Hans");
        (page.QuerySelector(selector) ?? throw new ShouldAssertException($"no {selector} in {page.DocumentElement.OuterHtml}")).Text().ShouldContain(message);
        EnglishWords.In(page).ShouldBeEmpty($"English words on the page with {selector}");
    }

    private static async Task<StaffBrowser> ChineseAdminAsync(TestApp app)
    {
        var admin = await app.SignedInAsync(StaffRole.Admin);
        (await admin.GetAsync("/?culture=zh-Hans")).EnsureSuccessStatusCode();
        return admin;
    }

    private static Dictionary<string, string> Account(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = "新同事",
        ["Input.Role"] = nameof(StaffRole.Editor),
        ["Input.Password"] = password,
    };

    private static async Task<Dictionary<string, string>> EntryFormAsync(StaffBrowser client, string path)
    {
        var page = await client.GetDocumentAsync(path);
        return page.QuerySelectorAll("#entry-form input[name^='Rows'], #entry-form textarea[name^='Rows']")
            .ToDictionary(e => e.GetAttribute("name")!, e => e is AngleSharp.Html.Dom.IHtmlTextAreaElement area ? area.Value : e.GetAttribute("value") ?? string.Empty);
    }
}
