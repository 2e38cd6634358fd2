using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
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
