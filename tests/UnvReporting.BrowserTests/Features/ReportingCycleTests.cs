using Microsoft.Playwright;
using UnvReporting.BrowserTests.Support;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.BrowserTests.Features;

/// <summary>
/// The yearly cycle of a new framework as its people live it, each in a window of their own:
/// an Admin imports the 2022-2025 framework from a spreadsheet, an Editor opens 2022 and enters it, the Editor
/// cannot publish their own work, an Approver returns it, the Editor corrects it, the Approver
/// publishes it, a visitor sees it, and the Approver withdraws it. The screenshots of the staff
/// guide's walkthrough (docs/staff-guide.md) are taken here when UNV_SCREENSHOTS is set.
/// </summary>
public class ReportingCycleTests
{
    private const int Year = 2022;
    private const string Framework = "2022-2025";
    private const string ReturnComment = "1.1: the survey report gives 63%, not 48%. Please check the source.";
    private const string WithdrawReason = "The survey behind 1.1 is being re-weighted; the year returns once it is.";

    /// <summary>The framework's indicators: key, area, unit, titles, and the figures the Editor first enters.</summary>
    private static readonly CycleIndicator[] Indicators =
    [
        new("1.1", "1", "Percent", "Share of partners who report that volunteers strengthened their national plans", "报告志愿人员加强了其国家计划的伙伴比例", "60", "48%"),
        new("1.1.1", "1.1", "Count", "Volunteers deployed to national development programmes", "派往国家发展方案的志愿人员人数", "1,000", "1,150"),
    ];

    [Theory, BothProviders]
    public async Task A_new_framework_year_goes_through_review_to_the_public_and_can_be_withdrawn(DatabaseProvider provider)
    {
        await using var session = await AppInBrowser.StartAsync(provider, width: 1366, height: 768);
        foreach (var role in new[] { StaffRole.Admin, StaffRole.Editor, StaffRole.Approver })
        {
            await session.CreateUserAsync(role);
        }

        var admin = session.Page;
        var editor = await session.NewWindowAsync(1366, 768);
        var approver = await session.NewWindowAsync(1366, 768);
        var visitor = await session.NewWindowAsync(1366, 768);
        var phone = await session.NewWindowAsync(390, 844);
        var quietWindows = new[] { session.Failures, new PageFailures(approver), new PageFailures(phone) };
        var editorFailures = new PageFailures(editor);
        var visitorFailures = new PageFailures(visitor);
        await session.SignInAsync(StaffRole.Admin, admin);
        await session.SignInAsync(StaffRole.Editor, editor);
        await session.SignInAsync(StaffRole.Approver, approver);

        await ImportFrameworkAsync(session, admin);
        await OpenYearAsync(session, editor);
        await EnterFiguresAsync(session, editor);

        await SubmitAsync(session, editor);
        await PublishingIsRefusedToTheEditorAsync(session, editor);

        await ReturnAsync(session, approver);
        await CorrectAndResubmitAsync(session, editor);
        await PublishAsync(session, approver);
        await TheVisitorSeesTheYearAsync(session, visitor, phone);

        await WithdrawAsync(session, approver);
        await TheVisitorNoLongerSeesTheYearAsync(session, visitor);

        quietWindows.SelectMany(f => f.All).ShouldBeEmpty();
        // The one refusal the Editor met (the browser reports it twice) was the publish they were not allowed to make.
        editorFailures.All.ShouldNotBeEmpty();
        editorFailures.All.ShouldAllBe(failure => failure.Contains(session.Url.Page("/Staff/Index", "Publish")));
        // And the visitor's were the pages of the withdrawn year and of one that never existed.
        visitorFailures.All.ShouldNotBeEmpty();
        visitorFailures.All.ShouldAllBe(failure => failure.Contains("404"));
    }

    /// <summary>
    /// Step 1: the Admin brings the 2022-2025 framework's result areas and indicators in from one
    /// spreadsheet (the reference data holds the framework itself, as DP/2022/24 presents it):
    /// upload, preview, confirm. The plan gives each indicator its definition and its 2022
    /// milestone, so the year opens with both.
    /// </summary>
    private static async Task ImportFrameworkAsync(AppInBrowser session, IPage admin)
    {
        const string Header = "Type,Code,Parent,Title EN,Title ZH,Order,Key,Result area,Unit,Direction,Is cumulative,Baseline,Baseline year,Milestone 2022,Milestone 2023,Milestone 2024,Milestone 2025,End target,Data source";
        var lines = new List<string>
        {
            Header,
            "outcome,1,,Volunteering is integrated into national development plans,志愿服务纳入国家发展计划,10,,,,,,,,,,,,,",
            "output,1.1,1,Governments are supported to measure volunteering,支持各国政府衡量志愿服务,11,,,,,,,,,,,,,",
        };
        for (var i = 0; i < Indicators.Length; i++)
        {
            var indicator = Indicators[i];
            var milestone = indicator.Milestone.Replace(",", string.Empty, StringComparison.Ordinal);
            lines.Add($"indicator,,,\"{indicator.TitleEn}\",{indicator.TitleZh},{i + 1},{indicator.Key},{indicator.Area},{indicator.Unit.ToLowerInvariant()},higher,no,,,{milestone},,,,{milestone},UNV annual survey");
        }

        await session.OpenAsync(admin, session.Url.FrameworkImport(Framework));
        await admin.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "framework-2022-2025.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"),
        });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
        var confirm = admin.Locator("#confirm-form button");
        await confirm.WaitForAsync();
        await Browser.SaveScreenshotAsync(admin, "cycle-01-framework-import");
        await confirm.ClickAsync();
        await ExpectMessageAsync(admin, "Imported framework-2022-2025.csv: 4 rows changed");
    }

    /// <summary>Step 2: the Editor opens 2022 with the framework's indicators, their definitions and planned milestones.</summary>
    private static async Task OpenYearAsync(AppInBrowser session, IPage editor)
    {
        await session.OpenAsync(editor, session.Url.NewYear);
        await editor.Locator("#Input_FrameworkCode").SelectOptionAsync(Framework);
        await editor.Locator("#Input_Year").FillAsync(Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await editor.GetByRole(AriaRole.Button, new() { Name = "Open the year" }).ClickAsync();
        await editor.WaitForURLAsync("**" + session.Url.Staff);
        await Assertions.Expect(editor.Locator(".alert-info")).ToContainTextAsync($"Year {Year} is open as a draft with the 2 indicators of the {Framework} framework: 2 with the framework's definition and planned milestone");
        (await StatusOfYearAsync(editor)).ShouldBe("Draft");
    }

    /// <summary>Step 2 continued: milestones and results, the score shown as they are typed, and one statistic.</summary>
    private static async Task EnterFiguresAsync(AppInBrowser session, IPage editor)
    {
        await session.OpenAsync(editor, session.Url.StaffYear(Year));
        foreach (var indicator in Indicators)
        {
            await FillFigureAsync(editor, indicator.Key, "milestone", indicator.Milestone);
            await FillFigureAsync(editor, indicator.Key, "result", indicator.Result);
        }

        // 48% of a milestone of 60% is 80%: yellow. 1,150 of 1,000 is 115%: green.
        await editor.WaitForSelectorAsync("tbody.entry-row[data-key='1.1'][data-rating='yellow']");
        await editor.WaitForSelectorAsync("tbody.entry-row[data-key='1.1.1'][data-rating='green']");
        await Browser.SaveScreenshotAsync(editor, "cycle-03-entry", editor.Locator(".entry-table"));
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await ExpectMessageAsync(editor, "Saved 2 indicators.");

        await session.OpenAsync(editor, session.Url.NewStatistic(Year));
        await editor.Locator("#Input_MetricKey").SelectOptionAsync("volunteers_deployed");
        await editor.Locator("#Input_Value").FillAsync("12,408");
        await editor.Locator("#Input_Source").FillAsync("DP/2023/20 para 19");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Add the statistic" }).ClickAsync();
        await editor.WaitForURLAsync("**" + session.Url.Statistics(Year));
    }

    private static async Task FillFigureAsync(IPage editor, string key, string field, string value) =>
        await editor.Locator($"#row-{key.Replace('.', '-')}-{field}").FillAsync(value);

    /// <summary>Step 3: the Editor submits the year for review.</summary>
    private static async Task SubmitAsync(AppInBrowser session, IPage editor)
    {
        await session.OpenAsync(editor, session.Url.Staff);
        await YearRow(editor).GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await editor.WaitForSelectorAsync($"tr[data-year='{Year}'] [data-status='Submitted']");
        await Assertions.Expect(editor.Locator(".alert-info")).ToHaveTextAsync($"Year {Year} is now submitted.");
    }

    /// <summary>
    /// Step 3 continued: the Editor's page offers no Publish and says who publishes; a publish
    /// posted anyway (a hand-made form with the Editor's own antiforgery token) is refused.
    /// </summary>
    private static async Task PublishingIsRefusedToTheEditorAsync(AppInBrowser session, IPage editor)
    {
        var row = YearRow(editor);
        (await row.GetByRole(AriaRole.Button, new() { Name = "Publish" }).CountAsync()).ShouldBe(0);
        (await row.Locator(".awaiting-review").InnerTextAsync()).ShouldBe("Waiting for review: an Approver or Admin publishes it or returns it to draft.");
        await Browser.SaveScreenshotAsync(editor, "cycle-04-submitted", editor.Locator("#years"));

        var refusal = await editor.RunAndWaitForResponseAsync(
            () => editor.EvaluateAsync(
                """
                ([action, year]) => {
                  const form = document.createElement("form");
                  form.method = "post";
                  form.action = action;
                  const token = document.querySelector("input[name='__RequestVerificationToken']").value;
                  for (const [name, value] of [["year", year], ["version", "0"], ["__RequestVerificationToken", token]]) {
                    const input = document.createElement("input");
                    input.type = "hidden";
                    input.name = name;
                    input.value = value;
                    form.append(input);
                  }
                  document.body.append(form);
                  form.submit();
                }
                """,
                new object[] { session.Url.Page("/Staff/Index", "Publish"), Year.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            response => response.Request.Method == "POST");
        refusal.Status.ShouldBe(403);
        await editor.WaitForLoadStateAsync();
        (await editor.Locator("h1").InnerTextAsync()).ShouldBe("Not allowed");

        await session.OpenAsync(editor, session.Url.Staff);
        (await StatusOfYearAsync(editor)).ShouldBe("Submitted");
    }

    /// <summary>Step 4: the Approver returns the year with the reason the Editor needs.</summary>
    private static async Task ReturnAsync(AppInBrowser session, IPage approver)
    {
        await session.OpenAsync(approver, session.Url.Staff);
        var row = YearRow(approver);
        await row.Locator($"#comment-{Year}").FillAsync(ReturnComment);
        await Browser.SaveScreenshotAsync(approver, "cycle-05-review", approver.Locator("#years"));
        await row.GetByRole(AriaRole.Button, new() { Name = "Return to draft" }).ClickAsync();
        await approver.WaitForSelectorAsync($"tr[data-year='{Year}'] [data-status='Draft']");
    }

    /// <summary>Step 5: the Editor reads the comment, corrects the figure and submits again.</summary>
    private static async Task CorrectAndResubmitAsync(AppInBrowser session, IPage editor)
    {
        await session.OpenAsync(editor, session.Url.Staff);
        (await YearRow(editor).Locator(".return-comment").InnerTextAsync()).ShouldBe($"Returned: {ReturnComment}");
        await Browser.SaveScreenshotAsync(editor, "cycle-06-returned", editor.Locator("#years"));

        await session.OpenAsync(editor, session.Url.StaffYear(Year));
        await FillFigureAsync(editor, "1.1", "result", "63%");
        // 63% of a milestone of 60% is 105%: green.
        await editor.WaitForSelectorAsync("tbody.entry-row[data-key='1.1'][data-rating='green']");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await ExpectMessageAsync(editor, "Saved 1 indicator.");

        await SubmitAsync(session, editor);
    }

    /// <summary>Step 6: the Approver, who changed no figure, reads what changed and publishes.</summary>
    private static async Task PublishAsync(AppInBrowser session, IPage approver)
    {
        await session.OpenAsync(approver, session.Url.Staff);
        var row = YearRow(approver);
        var changes = row.Locator("details.changes-since-publication");
        await changes.Locator("summary").ClickAsync();
        (await changes.InnerTextAsync()).ShouldContain("1.1 Result 48 → 63");
        await Browser.SaveScreenshotAsync(approver, "cycle-07-publish", approver.Locator("#years"));
        await row.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await approver.WaitForSelectorAsync($"tr[data-year='{Year}'] [data-status='Published']");
    }

    /// <summary>Step 7: a visitor finds 2022 on the year's page, the framework's page and the statistics.</summary>
    private static async Task TheVisitorSeesTheYearAsync(AppInBrowser session, IPage visitor, IPage phone)
    {
        await session.OpenAsync(visitor, $"/indicators/{Year}");
        (await visitor.Locator("tr.indicator-row[data-key='1.1']").GetAttributeAsync("data-rating")).ShouldBe("green");
        (await visitor.Locator("tr.indicator-row[data-key='1.1']").InnerTextAsync()).ShouldContain("63%");
        (await visitor.Locator("tr.indicator-row[data-key='1.1.1']").GetAttributeAsync("data-rating")).ShouldBe("green");
        await Browser.SaveScreenshotAsync(visitor, "cycle-08-public-year");

        await session.OpenAsync(visitor, $"/frameworks/{Framework}");
        var cell = visitor.Locator($"tr[data-key='1.1'] td.year-cell[data-year='{Year}']");
        (await cell.InnerTextAsync()).ShouldContain("63%");
        (await cell.InnerTextAsync()).ShouldContain("60%");
        (await visitor.Locator("main").InnerTextAsync()).ShouldContain($"Published years: {Year}.");
        await Browser.SaveScreenshotAsync(visitor, "cycle-09-public-framework");

        await session.OpenAsync(visitor, "/statistics");
        new Uri(visitor.Url).AbsolutePath.ShouldBe($"/statistics/{Year}");
        (await visitor.Locator(".statistic-tile[data-metric='volunteers_deployed'] .tile-value").InnerTextAsync()).ShouldBe("12,408");

        await session.OpenAsync(phone, $"/indicators/{Year}");
        (await phone.Locator("tr.indicator-row[data-key='1.1']").IsVisibleAsync()).ShouldBeTrue();
        await Browser.SaveScreenshotAsync(phone, "cycle-10-public-year-phone");
    }

    /// <summary>Step 8: the Approver withdraws the publication with a reason; the year goes back to review.</summary>
    private static async Task WithdrawAsync(AppInBrowser session, IPage approver)
    {
        await session.OpenAsync(approver, session.Url.Staff);
        var withdraw = YearRow(approver).Locator("details.withdraw");
        await withdraw.Locator("summary").ClickAsync();
        await withdraw.Locator($"#reason-{Year}").FillAsync(WithdrawReason);
        await Browser.SaveScreenshotAsync(approver, "cycle-11-withdraw", approver.Locator("#years"));
        await withdraw.GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).ClickAsync();
        await approver.WaitForSelectorAsync($"tr[data-year='{Year}'] [data-status='Submitted']");
    }

    /// <summary>Step 8 continued: the year's public pages answer as for a year that never existed.</summary>
    private static async Task TheVisitorNoLongerSeesTheYearAsync(AppInBrowser session, IPage visitor)
    {
        await session.OpenAsync(visitor, "/indicators/2031", expectedStatus: 404);
        var neverExisted = await visitor.Locator("main").InnerTextAsync();

        await session.OpenAsync(visitor, $"/indicators/{Year}", expectedStatus: 404);
        (await visitor.Locator("main").InnerTextAsync()).ShouldBe(neverExisted);
        await session.OpenAsync(visitor, $"/statistics/{Year}", expectedStatus: 404);
        (await visitor.Locator("main").InnerTextAsync()).ShouldBe(neverExisted);

        await session.OpenAsync(visitor, "/statistics");
        new Uri(visitor.Url).AbsolutePath.ShouldBe("/statistics/2021");

        // The framework stays public (DP/2022/24 presents its ambitions), without a figure of 2022.
        await session.OpenAsync(visitor, $"/frameworks/{Framework}");
        (await visitor.Locator("tr[data-key]").CountAsync()).ShouldBe(0);
        (await visitor.Locator("main").InnerTextAsync()).ShouldNotContain("Published years");
    }

    private static ILocator YearRow(IPage page) => page.Locator($"tr[data-year='{Year}']");

    private static Task<string?> StatusOfYearAsync(IPage page) => YearRow(page).Locator("[data-status]").GetAttributeAsync("data-status");

    // Waits for the message: the page before the post may still show the previous one.
    private static Task ExpectMessageAsync(IPage page, string message) =>
        Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync(message);

    private sealed record CycleIndicator(string Key, string Area, string Unit, string TitleEn, string TitleZh, string Milestone, string Result);
}
