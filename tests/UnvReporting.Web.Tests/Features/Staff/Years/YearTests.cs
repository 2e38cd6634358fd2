using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Auditing;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff.Years;

public class YearTests
{
    /// <summary>The entry form's fields as the page rendered them, ready to post back with some changed.</summary>
    private static async Task<Dictionary<string, string>> FormAsync(StaffBrowser client, string path)
    {
        var page = await client.GetDocumentAsync(path);
        return page.QuerySelectorAll("#entry-form input[name^='Rows'], #entry-form textarea[name^='Rows']")
            .ToDictionary(e => e.GetAttribute("name")!, e => e is IHtmlTextAreaElement area ? area.Value : e.GetAttribute("value") ?? string.Empty);
    }

    private static async Task<(decimal? Milestone, decimal? Result)> FiguresAsync(TestApp app, int year, string key)
    {
        await using var scope = app.CreateDbScope();
        var row = await scope.Db.IndicatorYears.AsNoTracking().SingleAsync(iy => iy.Year == year && iy.Indicator.Key == key);
        return (row.Milestone, row.Result);
    }

    [Theory, BothProviders]
    public async Task An_editor_saves_a_result_and_the_change_is_audited_with_their_name(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        var form = await FormAsync(editor, app.Url.StaffYear(DraftYear.Year));
        form["Rows[0].Result"] = "45%";

        var response = await editor.PostFormAsync(app.Url.StaffYear(DraftYear.Year), form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FiguresAsync(app, 2020, "1.1")).ShouldBe((50m, 45m));
        await using var scope = app.CreateDbScope();
        var audit = await scope.Db.AuditEntries.ByStaff().SingleAsync(a => a.Year == 2020 && a.Field == "Result");
        audit.UserName.ShouldBe(StaffAccounts.EmailFor(StaffRole.Editor));
        audit.Action.ShouldBe(AuditAction.Changed);
        (audit.OldValue, audit.NewValue, audit.IndicatorKey).ShouldBe(("40", "45", "1.1"));
        (await scope.Db.AuditEntries.ByStaff().CountAsync(a => a.Year == 2020)).ShouldBe(1, "only the field that changed is recorded");
    }

    [Theory, BothProviders]
    public async Task Invalid_numbers_get_a_message_next_to_the_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        var form = await FormAsync(editor, app.Url.StaffYear(DraftYear.Year));
        form["Rows[0].Milestone"] = "150";
        form["Rows[0].Result"] = "4,5";

        var response = await editor.PostFormAsync(app.Url.StaffYear(DraftYear.Year), form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.QuerySelector("#row-1-1-milestone-error")!.Text().ShouldBe("Milestone is a share and must be between 0 and 100 (got 150).");
        page.QuerySelector("#row-1-1-result-error")!.Text().ShouldStartWith("Result: '4,5' is not a number as written in English");
        page.QuerySelector("#row-1-1-result")!.GetAttribute("value").ShouldBe("4,5", "what was typed stays in the field");
        (await FiguresAsync(app, 2020, "1.1")).ShouldBe((50m, 40m));
    }

    [Theory, BothProviders]
    public async Task A_second_editor_saving_the_same_value_is_refused_with_the_first_editors_value(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var first = await app.SignedInAsync(StaffRole.Editor);
        using var second = await app.SignedInAsync(StaffRole.Approver);
        var firstForm = await FormAsync(first, app.Url.StaffYear(DraftYear.Year));
        var secondForm = await FormAsync(second, app.Url.StaffYear(DraftYear.Year));

        firstForm["Rows[0].Result"] = "45";
        (await first.PostFormAsync(app.Url.StaffYear(DraftYear.Year), firstForm)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        secondForm["Rows[0].Result"] = "48";
        var refused = await second.PostFormAsync(app.Url.StaffYear(DraftYear.Year), secondForm);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(refused);
        var note = page.QuerySelector(".conflict-note")!.Text();
        note.ShouldStartWith($"{StaffAccounts.EmailFor(StaffRole.Editor)} saved this row at ");
        note.ShouldEndWith(" UTC: milestone 50, result 45.");
        page.QuerySelector("#row-1-1-result")!.GetAttribute("value").ShouldBe("48", "the second editor's value is kept in the form");
        (await FiguresAsync(app, 2020, "1.1")).Result.ShouldBe(45m);

        // Saving again, now knowing the other value, replaces it.
        var again = page.QuerySelectorAll("#entry-form input[name^='Rows'], #entry-form textarea[name^='Rows']")
            .ToDictionary(e => e.GetAttribute("name")!, e => e is IHtmlTextAreaElement area ? area.Value : e.GetAttribute("value") ?? string.Empty);
        (await second.PostFormAsync(app.Url.StaffYear(DraftYear.Year), again)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FiguresAsync(app, 2020, "1.1")).Result.ShouldBe(48m);
    }

    [Theory, BothProviders]
    public async Task An_edit_of_another_field_does_not_undo_a_concurrent_change(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var first = await app.SignedInAsync(StaffRole.Editor);
        var staleForm = await FormAsync(first, app.Url.StaffYear(DraftYear.Year));
        var freshForm = await FormAsync(first, app.Url.StaffYear(DraftYear.Year));
        freshForm["Rows[0].Milestone"] = "60";
        (await first.PostFormAsync(app.Url.StaffYear(DraftYear.Year), freshForm)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        staleForm["Rows[0].NarrativeEn"] = "Narrative typed on the stale page.";
        var refused = await first.PostFormAsync(app.Url.StaffYear(DraftYear.Year), staleForm);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK, "the row changed since the page was read");
        (await FiguresAsync(app, 2020, "1.1")).Milestone.ShouldBe(60m);
    }

    [Theory, BothProviders]
    public async Task A_published_year_is_read_only_for_editors_and_refuses_their_posts(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await app.SignedInAsync(StaffRole.Editor);

        var page = await editor.GetDocumentAsync(app.Url.StaffYear(2021));
        page.QuerySelector("#read-only-note")!.Text().ShouldBe("Year 2021 is published; only Approvers and Admins can correct it, with a reason.");
        page.QuerySelector("#entry-form button[type=submit]").ShouldBeNull();

        var form = new Dictionary<string, string> { ["Rows[0].Key"] = "1.1", ["Rows[0].Result"] = "1" };
        (await editor.PostFormAsync(app.Url.StaffYear(2021), form, pagePath: app.Url.Staff)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, BothProviders]
    public async Task An_approver_corrects_a_published_year_with_a_reason_that_the_public_page_shows(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var approver = await app.SignedInAsync(StaffRole.Approver);
        var form = await FormAsync(approver, app.Url.StaffYear(2021));
        var index = form.Single(f => f.Key.EndsWith(".Key", StringComparison.Ordinal) && f.Value == "1.1").Key.Split('.')[0];
        var before = await FiguresAsync(app, 2021, "1.1");
        form[$"{index}.Result"] = "64";

        var withoutReason = await approver.PostFormAsync(app.Url.StaffYear(2021), form);
        withoutReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(withoutReason)).QuerySelector("#reason-error")!.Text()
            .ShouldBe("Year 2021 is published: say why it is being corrected (the indicator page shows the reason).");
        (await FiguresAsync(app, 2021, "1.1")).ShouldBe(before);

        form["Reason"] = "Para 4 gives the corrected figure.";
        (await approver.PostFormAsync(app.Url.StaffYear(2021), form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await FiguresAsync(app, 2021, "1.1")).Result.ShouldBe(64m);
        var publicPage = await app.Client.GetDocumentAsync("/indicators/2021/1.1");
        var revision = publicPage.QuerySelector(".revision-note")!.Text();
        revision.ShouldStartWith("Revised on ");
        revision.ShouldContain(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        revision.ShouldEndWith(": Para 4 gives the corrected figure.");
        await using var scope = app.CreateDbScope();
        (await scope.Db.AuditEntries.ByStaff().SingleAsync(a => a.Year == 2021 && a.Field == "Result")).Reason.ShouldBe("Para 4 gives the corrected figure.");
    }

    [Theory, BothProviders]
    public async Task A_viewer_sees_the_figures_but_cannot_save(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var viewer = await app.SignedInAsync(StaffRole.Viewer);

        var page = await viewer.GetDocumentAsync(app.Url.StaffYear(DraftYear.Year));

        page.QuerySelector("#row-1-1-result")!.HasAttribute("disabled").ShouldBeTrue();
        var form = new Dictionary<string, string> { ["Rows[0].Key"] = "1.1", ["Rows[0].Result"] = "1" };
        (await viewer.PostFormAsync(app.Url.StaffYear(DraftYear.Year), form, pagePath: app.Url.Staff)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await FiguresAsync(app, 2020, "1.1")).Result.ShouldBe(40m);
    }

    [Theory, BothProviders]
    public async Task The_live_score_comes_from_the_server_with_the_colour_and_any_message(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var editor = await app.SignedInAsync(StaffRole.Editor);

        var green = await ScoreAsync(editor, "key=1.1&milestone=50&result=50%25");
        var yellow = await ScoreAsync(editor, "key=1.1&milestone=50&result=30");
        var invalid = await ScoreAsync(editor, "key=1.1&milestone=50&result=abc");

        (green.GetProperty("score").GetString(), green.GetProperty("rating").GetString()).ShouldBe(("100%", "green"));
        (yellow.GetProperty("score").GetString(), yellow.GetProperty("rating").GetString()).ShouldBe(("60%", "yellow"));
        invalid.GetProperty("rating").GetString().ShouldBe("grey");
        invalid.GetProperty("resultError").GetString()!.ShouldStartWith("Result: 'abc' is not a number");
    }

    [Theory, BothProviders]
    public async Task A_form_not_made_by_the_page_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var editor = await app.SignedInAsync(StaffRole.Editor);

        var emptyKey = await editor.PostFormAsync(app.Url.StaffYear(DraftYear.Year), new Dictionary<string, string> { ["Rows[0].Key"] = string.Empty, ["Rows[0].Result"] = "1" });
        var twice = await editor.PostFormAsync(app.Url.StaffYear(DraftYear.Year), new Dictionary<string, string>
        {
            ["Rows[0].Key"] = "1.1", ["Rows[0].Result"] = "1", ["Rows[1].Key"] = "1.1", ["Rows[1].Result"] = "2",
        });
        var unknown = await editor.PostFormAsync(app.Url.StaffYear(DraftYear.Year), new Dictionary<string, string> { ["Rows[0].Key"] = "9.9", ["Rows[0].Result"] = "1" });

        emptyKey.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        twice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await FiguresAsync(app, 2020, "1.1")).ShouldBe((50m, 40m));
    }

    [Fact]
    public async Task Visitors_are_sent_to_sign_in()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.Client.GetAsync(app.Url.StaffYear(DraftYear.Year));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location()!.ShouldBe($"{app.Url.SignIn}?ReturnUrl=%2Fstaff%2Fyears%2F{DraftYear.Year}", "relative, never built from the Host header");
    }

    private static async Task<JsonElement> ScoreAsync(StaffBrowser client, string query)
    {
        using var response = await client.GetAsync($"{client.Url.StaffYear(DraftYear.Year)}?handler=Score&{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
