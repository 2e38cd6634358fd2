using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff;

public class IndexTests
{
    private static async Task<string> VersionAsync(StaffBrowser client, int year)
    {
        var page = await client.GetDocumentAsync(client.Url.Staff);
        return page.QuerySelector($"tr[data-year='{year}'] input[name=version]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No workflow form for {year}.");
    }

    private static Task<HttpResponseMessage> MoveAsync(StaffBrowser client, string handler, int year, string version, string? comment = null)
    {
        var fields = new Dictionary<string, string> { ["year"] = $"{year}", ["version"] = version };
        if (comment is not null)
        {
            fields["comment"] = comment;
        }

        return client.PostFormAsync(client.Url.Page("/Staff/Index", handler), fields, pagePath: client.Url.Staff);
    }

    private static async Task<(ReportingStatus Status, string? Comment)> StatusAsync(TestApp app, int year)
    {
        await using var scope = app.CreateDbScope();
        var row = await scope.Db.ReportingYears.AsNoTracking().SingleAsync(y => y.Year == year);
        return (row.Status, row.ReturnComment);
    }

    [Theory, BothProviders]
    public async Task A_year_goes_from_draft_to_submitted_to_published_and_becomes_public(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        using var approver = await app.SignedInAsync(StaffRole.Approver);
        (await app.Client.GetAsync("/indicators/2020")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await MoveAsync(editor, "Submit", 2020, await VersionAsync(editor, 2020))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StatusAsync(app, 2020)).Status.ShouldBe(ReportingStatus.Submitted);
        (await app.Client.GetAsync("/indicators/2020")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a submitted year is not public either");

        (await MoveAsync(approver, "Publish", 2020, await VersionAsync(approver, 2020))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await StatusAsync(app, 2020)).Status.ShouldBe(ReportingStatus.Published);
        (await app.Client.GetAsync("/indicators/2020")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Client.GetAsync("/api/v1/years/2020/summary")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = app.CreateDbScope();
        var moves = await scope.Db.AuditEntries.Where(a => a.Subject == "reporting-year" && a.Year == 2020 && a.Action == Domain.Auditing.AuditAction.Changed).OrderBy(a => a.Id).ToListAsync();
        moves.Select(m => (m.Field, m.OldValue, m.NewValue, m.UserName)).ShouldBe(
        [
            ("Status", "Draft", "Submitted", StaffAccounts.EmailFor(StaffRole.Editor)),
            ("Status", "Submitted", "Published", StaffAccounts.EmailFor(StaffRole.Approver)),
        ]);
    }

    [Theory, BothProviders]
    public async Task An_approver_returns_a_submitted_year_with_a_comment_the_editors_see(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var approver = await app.SignedInAsync(StaffRole.Approver);
        await MoveAsync(approver, "Submit", 2020, await VersionAsync(approver, 2020));

        var withoutComment = await MoveAsync(approver, "Return", 2020, await VersionAsync(approver, 2020), "  ");
        withoutComment.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StatusAsync(app, 2020)).Status.ShouldBe(ReportingStatus.Submitted);

        await MoveAsync(approver, "Return", 2020, await VersionAsync(approver, 2020), "Narrative of 1.1 is missing.");

        (await StatusAsync(app, 2020)).ShouldBe((ReportingStatus.Draft, "Narrative of 1.1 is missing."));
        var page = await approver.GetDocumentAsync(app.Url.Staff);
        page.QuerySelector("tr[data-year='2020'] .return-comment")!.Text().ShouldBe("Returned: Narrative of 1.1 is missing.");
        await using var scope = app.CreateDbScope();
        (await scope.Db.AuditEntries.Where(a => a.Subject == "reporting-year" && a.Field == "Status").OrderBy(a => a.Id).LastAsync())
            .Reason.ShouldBe("Narrative of 1.1 is missing.");
    }

    [Theory, BothProviders]
    public async Task Editors_cannot_publish_and_viewers_cannot_submit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var viewer = await app.SignedInAsync(StaffRole.Viewer);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        var version = await VersionAsync(editor, 2020);

        (await MoveAsync(viewer, "Submit", 2020, version)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await MoveAsync(editor, "Submit", 2020, version)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await MoveAsync(editor, "Publish", 2020, "0")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await MoveAsync(editor, "Return", 2020, "0", "No.")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await StatusAsync(app, 2020)).Status.ShouldBe(ReportingStatus.Submitted);
    }

    [Theory, BothProviders]
    public async Task An_editor_who_submitted_a_year_is_told_who_reviews_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        await MoveAsync(editor, "Submit", 2020, await VersionAsync(editor, 2020));

        var page = await editor.GetDocumentAsync(editor.Url.Staff);
        (page.QuerySelector("tr[data-year='2020'] .awaiting-review")?.TextContent.Trim())
            .ShouldBe("Waiting for review: an Approver or Admin publishes it or returns it to draft.");
        page.QuerySelector("tr[data-year='2020'] form[action*='Publish']").ShouldBeNull();
    }

    [Theory, BothProviders]
    public async Task A_move_made_on_a_stale_page_does_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var approver = await app.SignedInAsync(StaffRole.Approver);
        var stale = await VersionAsync(approver, 2020);
        await MoveAsync(approver, "Submit", 2020, stale);
        await MoveAsync(approver, "Return", 2020, await VersionAsync(approver, 2020), "Again.");

        (await MoveAsync(approver, "Submit", 2020, stale)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await StatusAsync(app, 2020)).Status.ShouldBe(ReportingStatus.Draft, "the second submit was made on what the page showed before the return");
    }

    [Theory, BothProviders]
    public async Task Staff_see_draft_years_in_the_public_tables_and_visitors_do_not(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var viewer = await app.SignedInAsync(StaffRole.Viewer);

        var page = await viewer.GetDocumentAsync("/indicators/2020");

        page.QuerySelector("h1 [data-status]")!.Text().ShouldBe("Draft, not public");
        page.Body!.TextContent.ShouldContain(DraftYear.Title);
        (await viewer.GetDocumentAsync("/indicators/2020/1.1")).Body!.TextContent.ShouldContain(DraftYear.Title);
        (await app.Client.GetAsync("/indicators/2020")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client.GetAsync("/indicators/2020/1.1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, BothProviders]
    public async Task A_disabled_account_stops_seeing_draft_years_at_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var viewer = await app.SignedInAsync(StaffRole.Viewer);
        (await viewer.GetAsync("/indicators/2020")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(StaffAccounts.EmailFor(StaffRole.Viewer)))!;
            user.IsDisabled = true;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
        }

        (await viewer.GetAsync("/indicators/2020")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await viewer.GetAsync("/indicators/2020/1.1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

/// <summary>The publication check, four eyes, withdrawing a publication and deleting an empty draft, through the staff home.</summary>
public class WorkflowRulesTests
{
    // 2018 and 2020 hold statistics the published reports printed for them; 2022 holds nothing.
    private const int EmptyYear = 2022;

    private static async Task<string> VersionAsync(StaffBrowser client, int year)
    {
        var page = await client.GetDocumentAsync(client.Url.Staff);
        return page.QuerySelector($"tr[data-year='{year}'] input[name=version]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No workflow form for {year}.");
    }

    private static Task<HttpResponseMessage> PostAsync(StaffBrowser client, string handler, Dictionary<string, string> fields) =>
        client.PostFormAsync(client.Url.Page("/Staff/Index", handler), fields, pagePath: client.Url.Staff);

    private static async Task<HttpResponseMessage> MoveAsync(StaffBrowser client, string handler, int year, IReadOnlyDictionary<string, string>? more = null)
    {
        var fields = new Dictionary<string, string> { ["year"] = $"{year}", ["version"] = await VersionAsync(client, year) };
        foreach (var (name, value) in more ?? new Dictionary<string, string>())
        {
            fields[name] = value;
        }

        return await PostAsync(client, handler, fields);
    }

    private static async Task<ReportingStatus?> StatusAsync(TestApp app, int year)
    {
        await using var scope = app.CreateDbScope();
        return await scope.Db.ReportingYears.AsNoTracking().Where(y => y.Year == year).Select(y => (ReportingStatus?)y.Status).SingleOrDefaultAsync();
    }

    private static Task AddEmptyDraftAsync(TestApp app) =>
        app.Services.SaveAsync(async db =>
        {
            var framework = await db.Frameworks.SingleAsync(f => f.Code == "2022-2025");
            db.ReportingYears.Add(new ReportingYear(framework, EmptyYear, ReportingStatus.Draft, null, null));
        });

    private static async Task<string> MessageAsync(StaffBrowser client) =>
        (await client.GetDocumentAsync(client.Url.Staff)).QuerySelector("[role=status]")?.Text().Trim() ?? string.Empty;

    [Theory, BothProviders]
    public async Task An_empty_year_cannot_be_submitted_and_the_page_lists_why(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddEmptyDraftAsync(app);
        using var editor = await app.SignedInAsync(StaffRole.Editor);

        var page = await editor.GetDocumentAsync(editor.Url.Staff);
        page.QuerySelector($"tr[data-year='{EmptyYear}'] .publication-gaps li")!.Text().ShouldBe($"Year {EmptyYear} has no indicators yet.");
        (await MoveAsync(editor, "Submit", EmptyYear)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await StatusAsync(app, EmptyYear)).ShouldBe(ReportingStatus.Draft);
        (await MessageAsync(editor)).ShouldBe($"Year {EmptyYear} cannot be submitted yet: Year {EmptyYear} has no indicators yet.");
    }

    [Theory, BothProviders]
    public async Task A_year_with_an_indicator_lacking_a_result_is_refused_until_a_reason_is_stated(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddLackingAResultAsync(app);

        using var editor = await app.SignedInAsync(StaffRole.Editor);
        await MoveAsync(editor, "Submit", DraftYear.Year);
        (await StatusAsync(app, DraftYear.Year)).ShouldBe(ReportingStatus.Draft);
        (await MessageAsync(editor)).ShouldBe($"Year {DraftYear.Year} cannot be submitted yet: Indicator 1.1 has no result and no reason for missing data.");

        await using (var scope = app.CreateDbScope())
        {
            var row = await scope.Db.IndicatorYears.SingleAsync(iy => iy.Year == DraftYear.Year);
            row.StateMissingData("The 2020 survey was cancelled.");
            await scope.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow);
        }

        await MoveAsync(editor, "Submit", DraftYear.Year);
        (await StatusAsync(app, DraftYear.Year)).ShouldBe(ReportingStatus.Submitted);
    }

    [Theory, BothProviders]
    public async Task The_account_that_submitted_a_year_cannot_publish_it_and_another_reviewer_can(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        using var approver = await app.SignedInAsync(StaffRole.Approver);
        await MoveAsync(admin, "Submit", DraftYear.Year);

        var page = await admin.GetDocumentAsync(admin.Url.Staff);
        page.QuerySelector($"tr[data-year='{DraftYear.Year}'] .four-eyes").ShouldNotBeNull();
        page.QuerySelector($"tr[data-year='{DraftYear.Year}'] form[action*='Publish']").ShouldBeNull();
        await PostAsync(admin, "Publish", new Dictionary<string, string> { ["year"] = $"{DraftYear.Year}", ["version"] = await VersionAsync(admin, DraftYear.Year) });
        (await StatusAsync(app, DraftYear.Year)).ShouldBe(ReportingStatus.Submitted);
        (await MessageAsync(admin)).ShouldStartWith($"You submitted year {DraftYear.Year}");

        await MoveAsync(approver, "Publish", DraftYear.Year);
        (await StatusAsync(app, DraftYear.Year)).ShouldBe(ReportingStatus.Published);
    }

    [Theory, BothProviders]
    public async Task A_reviewer_who_changed_a_figure_since_the_last_review_cannot_publish(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var approver = await app.SignedInAsync(StaffRole.Approver);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        await using (var scope = app.CreateDbScope())
        {
            var user = (await scope.Db.Users.SingleAsync(u => u.Email == StaffAccounts.EmailFor(StaffRole.Approver)));
            var row = await scope.Db.IndicatorYears.SingleAsync(iy => iy.Year == DraftYear.Year);
            row.SetFigures(50, 45);
            await scope.Db.SaveAuditedAsync(new StaffActor(user.Id, user.Email!), null, DateTimeOffset.UtcNow);
        }

        await MoveAsync(editor, "Submit", DraftYear.Year);
        var page = await approver.GetDocumentAsync(approver.Url.Staff);
        page.QuerySelector($"tr[data-year='{DraftYear.Year}'] .changes-since-publication summary")!.Text().ShouldBe("2 figure changes since it was last published", "the test data's row added, then the approver's change");
        page.QuerySelector($"tr[data-year='{DraftYear.Year}'] .changes-since-publication li")!.Text().ShouldContain("Result 40 → 45");
        await MoveAsync(approver, "Publish", DraftYear.Year);

        (await StatusAsync(app, DraftYear.Year)).ShouldBe(ReportingStatus.Submitted);
    }

    [Theory, BothProviders]
    public async Task With_four_eyes_off_a_reviewer_publishes_their_own_work_and_the_audit_log_says_so(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string> { ["Workflow:FourEyes"] = "false" });
        await DraftYear.AddAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        await MoveAsync(admin, "Submit", DraftYear.Year);

        await MoveAsync(admin, "Publish", DraftYear.Year);

        (await StatusAsync(app, DraftYear.Year)).ShouldBe(ReportingStatus.Published);
        await using var scope = app.CreateDbScope();
        (await scope.Db.AuditEntries.ByStaff().Where(a => a.Subject == "reporting-year" && a.Field == "Status").OrderBy(a => a.Id).LastAsync())
            .Reason.ShouldBe("Published by an account that submitted it or changed its figures (four eyes is off).");
    }

    [Theory, BothProviders]
    public async Task A_withdrawn_year_leaves_the_public_site_at_once_and_the_reason_is_kept(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var approver = await app.SignedInAsync(StaffRole.Approver);
        (await app.Client.GetAsync("/indicators/2021")).StatusCode.ShouldBe(HttpStatusCode.OK, "and now in the visitors' cache");

        await MoveAsync(approver, "Withdraw", 2021, new Dictionary<string, string> { ["reason"] = " " });
        (await StatusAsync(app, 2021)).ShouldBe(ReportingStatus.Published, "a withdrawal needs a reason");

        await MoveAsync(approver, "Withdraw", 2021, new Dictionary<string, string> { ["reason"] = "Result of 1.2 double-counted." });

        (await StatusAsync(app, 2021)).ShouldBe(ReportingStatus.Submitted);
        (await app.Client.GetAsync("/indicators/2021")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client.GetAsync("/api/v1/years/2021/indicators")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var scope = app.CreateDbScope();
        var entry = await scope.Db.AuditEntries.Where(a => a.Subject == "reporting-year" && a.Field == "Status").OrderBy(a => a.Id).LastAsync();
        (entry.OldValue, entry.NewValue, entry.Reason).ShouldBe(("Published", "Submitted", "Result of 1.2 double-counted."));
    }

    [Theory, BothProviders]
    public async Task Withdrawing_a_publication_is_not_submitting_it_so_the_same_reviewer_may_publish_it_again(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var approver = await app.SignedInAsync(StaffRole.Approver);
        await MoveAsync(approver, "Withdraw", 2021, new Dictionary<string, string> { ["reason"] = "Result of 1.2 double-counted." });

        var page = await approver.GetDocumentAsync(approver.Url.Staff);
        page.QuerySelector("tr[data-year='2021'] .four-eyes").ShouldBeNull("the withdrawing reviewer neither submitted the year nor changed a figure");
        await MoveAsync(approver, "Publish", 2021);

        (await StatusAsync(app, 2021)).ShouldBe(ReportingStatus.Published);
    }

    [Theory, BothProviders]
    public async Task Editors_cannot_withdraw(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await app.SignedInAsync(StaffRole.Editor);

        var response = await PostAsync(editor, "Withdraw", new Dictionary<string, string> { ["year"] = "2021", ["version"] = "0", ["reason"] = "No." });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await StatusAsync(app, 2021)).ShouldBe(ReportingStatus.Published);
    }

    [Theory, BothProviders]
    public async Task An_admin_deletes_an_empty_draft_and_nothing_else(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddEmptyDraftAsync(app);
        await DraftYear.AddAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        using var approver = await app.SignedInAsync(StaffRole.Approver);

        var page = await admin.GetDocumentAsync(admin.Url.Staff);
        page.QuerySelector($"tr[data-year='{DraftYear.Year}'] form[action*='Delete']").ShouldBeNull("a draft with figures offers no delete");
        (await PostAsync(approver, "Delete", new Dictionary<string, string> { ["year"] = $"{EmptyYear}", ["version"] = "0" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await MoveAsync(admin, "Delete", DraftYear.Year);
        (await StatusAsync(app, DraftYear.Year)).ShouldBe(ReportingStatus.Draft);
        // 2020 also holds the eight statistics the 2021 report printed for it.
        (await MessageAsync(admin)).ShouldBe($"Year {DraftYear.Year} is not empty (indicator figures: 1, statistics: 8); only an empty draft can be deleted.");

        await MoveAsync(admin, "Delete", EmptyYear);

        (await StatusAsync(app, EmptyYear)).ShouldBeNull();
        await using var scope = app.CreateDbScope();
        var entry = await scope.Db.AuditEntries.Where(a => a.Subject == "reporting-year" && a.Year == EmptyYear).OrderBy(a => a.Id).LastAsync();
        (entry.Action, entry.Reason).ShouldBe((Domain.Auditing.AuditAction.Deleted, "Empty draft deleted."));
    }
}
