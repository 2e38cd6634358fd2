using System.Net;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Sources;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Features.Staff.Years.Import;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff.Years;

/// <summary>
/// A figure printed in a published report is changed as in a published year, whatever the status
/// of the year it describes: 2020 is a draft here, but DP/2022/24 prints its financial value
/// (USD 237.4 million) and, in these tests, its indicator 1.2.
/// </summary>
public class PrintedFigureEditTests
{
    private const int Draft = 2020;

    private const string Refusal = "This figure of 2020 is printed in DP/2022/24, a published report; only Approvers and Admins can change it, with a reason.";

    private static async Task<long> PrintedFactAsync(TestApp app)
    {
        await OpenedYears.AddAsync(app, Draft, ReportingStatus.Draft);
        await using var scope = app.CreateDbScope();
        return await scope.Db.StatisticFacts.Where(f => f.Year == Draft && f.MetricKey == "financial_value_usd").Select(f => f.Id).SingleAsync();
    }

    private static async Task<decimal> ValueAsync(TestApp app, long id)
    {
        await using var scope = app.CreateDbScope();
        return await scope.Db.StatisticFacts.Where(f => f.Id == id).Select(f => f.Value).SingleAsync();
    }

    /// <summary>Uploads the draft year's own template with the printed financial value set to <paramref name="value"/>.</summary>
    private static async Task<HttpResponseMessage> UploadPrintedValueAsync(TestApp app, StaffBrowser staff, decimal value)
    {
        var template = await staff.Client.GetByteArrayAsync(app.Url.ImportTemplate(Draft, "xlsx"));
        var line = Workbooks.ReadSheet(template, "Statistics").FindIndex(r => r[0] == "financial_value_usd") + 1;
        return await staff.UploadAsync(Draft, Workbooks.SetCell(template, "Statistics", $"D{line}", value), "printed.xlsx");
    }

    [Theory, BothProviders]
    public async Task An_editor_may_not_correct_or_delete_a_printed_statistic_of_a_draft_year(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await PrintedFactAsync(app);
        using var editor = await app.SignedInAsync(StaffRole.Editor);

        var edit = await editor.GetDocumentAsync(app.Url.EditStatistic(Draft, id));
        edit.QuerySelector("#fact-form").ShouldBeNull();
        edit.QuerySelector(".alert-warning")!.Text().ShouldBe("Read only: " + Refusal);
        var list = await editor.GetDocumentAsync(app.Url.Statistics(Draft));
        list.QuerySelector($"tr[data-fact='{id}'] .printed-lock").ShouldNotBeNull();

        // The version as an Approver's form carries it, so that only the rule can refuse the posts.
        using var approver = await app.SignedInAsync(StaffRole.Approver);
        var version = (await approver.GetDocumentAsync(app.Url.EditStatistic(Draft, id))).Form("#fact-form").Fields()["Input.Version"];
        var post = await editor.PostFormAsync(app.Url.EditStatistic(Draft, id), new Dictionary<string, string>
        {
            ["Input.Value"] = "1",
            ["Input.Qualifier"] = "Exact",
            ["Input.Source"] = "DP/2022/24 para 39",
            ["Input.Version"] = version,
        }, pagePath: app.Url.Statistics(Draft));
        var delete = await editor.PostFormAsync(app.Url.DeleteStatistic(Draft, id), new Dictionary<string, string> { ["Version"] = version }, pagePath: app.Url.Statistics(Draft));

        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await post.DocumentAsync(403)).QuerySelector(".alert-warning")!.Text().ShouldContain(Refusal);
        delete.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ValueAsync(app, id)).ShouldBe(237_400_000m);
    }

    [Theory, BothProviders]
    public async Task An_editor_may_not_enter_a_figure_sourced_to_a_published_report_which_would_make_it_public(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await OpenedYears.AddAsync(app, Draft, ReportingStatus.Draft, statistics: false);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        var page = await editor.GetDocumentAsync(app.Url.NewStatistic(Draft) + "?metric=volunteers_deployed");

        var response = await editor.SubmitAsync(page, "#fact-form", new()
        {
            ["Input.MetricKey"] = "volunteers_deployed",
            ["Input.Value"] = "9 999",
            ["Input.Qualifier"] = "Exact",
            ["Input.Source"] = "DP/2022/24 para 14",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.DocumentAsync(403)).QuerySelector(".alert-danger")!.Text().ShouldContain(Refusal);
        await using var scope = app.CreateDbScope();
        (await scope.Db.StatisticFacts.CountAsync(f => f.Year == Draft && f.MetricKey == "volunteers_deployed")).ShouldBe(0);
    }

    [Theory, BothProviders]
    public async Task An_approver_corrects_a_printed_statistic_only_with_a_reason_which_the_audit_keeps(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await PrintedFactAsync(app);
        using var approver = await app.SignedInAsync(StaffRole.Approver);
        var form = await approver.GetDocumentAsync(app.Url.EditStatistic(Draft, id));
        form.QuerySelector("#Input_Reason").ShouldNotBeNull();

        var withoutReason = await approver.SubmitAsync(form, "#fact-form", new() { ["Input.Value"] = "237 500 000" });

        (await withoutReason.DocumentAsync()).ErrorFor("reason-error").ShouldBe("This figure of 2020 is printed in DP/2022/24, a published report: say why it is being corrected.");
        (await ValueAsync(app, id)).ShouldBe(237_400_000m);

        var withReason = await approver.SubmitAsync(form, "#fact-form", new() { ["Input.Value"] = "237 500 000", ["Input.Reason"] = "Corrigendum of para 39." });

        withReason.StatusCode.ShouldBe(HttpStatusCode.Redirect, await withReason.Content.ReadAsStringAsync());
        (await ValueAsync(app, id)).ShouldBe(237_500_000m);
        await using var scope = app.CreateDbScope();
        var audit = await scope.Db.AuditEntries.ByStaff().SingleAsync(a => a.Subject == "statistic" && a.Field == "Value");
        audit.Reason.ShouldBe("Corrigendum of para 39.");
    }

    [Theory, BothProviders]
    public async Task A_printed_indicator_year_of_a_draft_is_corrected_through_the_api_by_an_approver_with_a_reason_only(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await OpenedYears.AddAsync(app, Draft, ReportingStatus.Draft);
        await app.Services.SaveAsync(async db =>
        {
            var indicator = await db.Indicators.SingleAsync(i => i.Key == "1.2" && i.FrameworkId == db.Frameworks.Single(f => f.Code == "2018-2021").Id);
            db.IndicatorYears.Add(new IndicatorYear(
                indicator, Draft, "1.2", new IndicatorDefinition("Printed title", "印刷标题", Unit.Count, false, Direction.HigherIsBetter),
                10, 12, new SourceReference("DP/2022/24", "outcome 1 table")));
        });
        var editor = await app.TokenForAsync(StaffRole.Editor);
        var approver = await app.TokenForAsync(StaffRole.Approver);
        var path = $"/api/v1/years/{Draft}/indicators/1.2";
        var version = await app.VersionOfAsync(Draft, "1.2", editor);

        var refused = await (await app.PutJsonAsync(path, $$"""{"result":13,"version":"{{version}}"}""", editor)).ShouldBeProblemAsync(403);
        refused.GetProperty("detail").GetString().ShouldBe(Refusal);
        var withoutReason = await (await app.PutJsonAsync(path, $$"""{"result":13,"version":"{{version}}"}""", approver)).ShouldBeProblemAsync(400);
        withoutReason.GetProperty("errors").GetProperty("reason")[0].GetString().ShouldStartWith("This figure of 2020 is printed in DP/2022/24");

        // What is only entered for the draft stays open to the Editor.
        var entered = await app.PutJsonAsync($"/api/v1/years/{Draft}/indicators/{OpenedYears.Key}",
            $$"""{"result":41,"version":"{{await app.VersionOfAsync(Draft, OpenedYears.Key, editor)}}"}""", editor);
        entered.StatusCode.ShouldBe(HttpStatusCode.OK);

        var corrected = await (await app.PutJsonAsync(path, $$"""{"result":13,"reason":"The table was misread.","version":"{{version}}"}""", approver)).JsonAsync(200);
        corrected.Raw("result").ShouldBe("13");
        corrected.GetProperty("revisionReason").GetString().ShouldBe("The table was misread.");
        (await app.Client.GetDocumentAsync($"/indicators/{Draft}/1.2")).QuerySelector($"[data-year='{Draft}'] .revision-note")!.Text().ShouldContain("The table was misread.");
    }

    [Theory, BothProviders]
    public async Task The_entry_page_locks_a_printed_row_for_an_editor_and_refuses_a_change_to_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.Services.SaveAsync(async db =>
        {
            var framework = await db.Frameworks.SingleAsync(f => f.Code == "2018-2021");
            db.ReportingYears.Add(new ReportingYear(framework, Draft, ReportingStatus.Draft, null, null));
            var indicator = await db.Indicators.SingleAsync(i => i.Key == "1.1" && i.FrameworkId == framework.Id);
            db.IndicatorYears.Add(new IndicatorYear(
                indicator, Draft, "1.1", new IndicatorDefinition("Printed title", "印刷标题", Unit.Percent, false, Direction.HigherIsBetter),
                50, 40, new SourceReference("DP/2022/24", "outcome 1 table")));
        });
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        var page = await editor.GetDocumentAsync(app.Url.StaffYear(Draft));
        page.QuerySelector("#row-1-1-result")!.HasAttribute("readonly").ShouldBeTrue();
        page.QuerySelector("#row-1-1-printed")!.Text().ShouldContain(Refusal);

        var response = await editor.SubmitAsync(page, "#entry-form", new() { ["Rows[0].Result"] = "45" });

        (await response.DocumentAsync()).ErrorFor("row-1-1-result-error").ShouldBe(Refusal);
        await using var scope = app.CreateDbScope();
        (await scope.Db.IndicatorYears.SingleAsync(iy => iy.Year == Draft)).Result.ShouldBe(40m);
    }

    [Theory, BothProviders]
    public async Task An_editors_import_that_changes_a_printed_statistic_is_refused_whole(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await PrintedFactAsync(app);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        var upload = await UploadPrintedValueAsync(app, editor, 1m);
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect, await upload.Content.ReadAsStringAsync());
        var preview = upload.Location()!;
        var confirm = await editor.PostFormAsync($"{preview}?handler=Confirm", new Dictionary<string, string>(), pagePath: preview);

        (await confirm.Content.ReadAsStringAsync()).ShouldContain(System.Net.WebUtility.HtmlEncode(Refusal));
        (await ValueAsync(app, id)).ShouldBe(237_400_000m);
    }

    [Theory, BothProviders]
    public async Task An_approvers_import_over_a_printed_statistic_asks_for_the_reason_on_the_preview_and_keeps_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await PrintedFactAsync(app);
        using var approver = await app.SignedInAsync(StaffRole.Approver);
        var upload = await UploadPrintedValueAsync(app, approver, 237_500_000m);
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect, await upload.Content.ReadAsStringAsync());
        var preview = upload.Location()!;

        var page = await approver.GetDocumentAsync(preview);
        page.QuerySelector("label[for='reason']")!.Text().ShouldBe("Why are figures printed in DP/2022/24 being corrected?");
        var withoutReason = await approver.PostFormAsync($"{preview}?handler=Confirm", new Dictionary<string, string>(), pagePath: preview);
        (await withoutReason.Content.ReadAsStringAsync()).ShouldContain("say why it is being corrected");
        (await ValueAsync(app, id)).ShouldBe(237_400_000m);

        var withReason = await approver.PostFormAsync($"{preview}?handler=Confirm", new Dictionary<string, string> { ["Reason"] = "Corrigendum of para 39." }, pagePath: preview);

        withReason.StatusCode.ShouldBe(HttpStatusCode.Redirect, await withReason.Content.ReadAsStringAsync());
        (await ValueAsync(app, id)).ShouldBe(237_500_000m);
        await using var scope = app.CreateDbScope();
        var audit = await scope.Db.AuditEntries.ByStaff().SingleAsync(a => a.Subject == "statistic" && a.Field == "Value");
        audit.Reason.ShouldBe("Corrigendum of para 39. (import from printed.xlsx)");
    }

    [Theory, BothProviders]
    public async Task An_editors_preview_of_a_file_over_a_printed_statistic_says_why_it_cannot_be_confirmed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await PrintedFactAsync(app);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        var upload = await UploadPrintedValueAsync(app, editor, 1m);

        var page = await editor.GetDocumentAsync(upload.Location()!);

        page.Body!.TextContent.ShouldContain(Refusal);
        page.QuerySelector("#confirm-form").ShouldBeNull();
    }
}
