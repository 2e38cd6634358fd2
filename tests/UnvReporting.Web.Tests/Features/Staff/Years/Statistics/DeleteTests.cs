using System.Net;
using UnvReporting.Domain.Auditing;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff.Years.Statistics;

public class DeleteTests
{
    [Theory, BothProviders]
    public async Task Deleting_shows_the_figure_first_then_removes_it_and_the_audit_keeps_the_old_value(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var id = await Facts.AddAsync(app, DraftYear.Year, 1000);
        using var client = await app.SignedInAsync(StaffRole.Editor);

        var confirm = await client.GetDocumentAsync(app.Url.DeleteStatistic(DraftYear.Year, id));
        var response = await client.SubmitAsync(confirm, "#delete-form");

        confirm.QuerySelector("#saved-value")!.Text().ShouldContain("1,000");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        (await Facts.FindAsync(app, id)).ShouldBeNull();
        var audit = (await Facts.AuditOfAsync(app, $"{DraftYear.Year} {Facts.Count}")).ShouldHaveSingleItem();
        audit.Action.ShouldBe(AuditAction.Deleted);
        audit.OldValue.ShouldNotBeNull().ShouldContain("Value=1000");
        audit.NewValue.ShouldBeNull();
    }

    [Theory, BothProviders]
    public async Task A_figure_changed_since_the_page_was_read_is_not_deleted(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var id = await Facts.AddAsync(app, DraftYear.Year, 1000);
        using var client = await app.SignedInAsync(StaffRole.Editor);
        var page = await client.GetDocumentAsync(app.Url.DeleteStatistic(DraftYear.Year, id));
        await Facts.ChangeAsync(app, id, 2000);

        var response = await client.SubmitAsync(page, "#delete-form");

        (await response.DocumentAsync()).QuerySelector("#delete-form .alert-danger")!.Text().ShouldContain("it is now 2,000");
        (await Facts.FindAsync(app, id))!.Value.ShouldBe(2000m);
    }

    [Theory, BothProviders]
    public async Task Deleting_from_a_published_year_needs_a_reason(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await Facts.IdOfTotalAsync(app, 2021, Facts.Count);
        using var client = await app.SignedInAsync(StaffRole.Admin);
        var page = await client.GetDocumentAsync(app.Url.DeleteStatistic(2021, id));

        var response = await client.SubmitAsync(page, "#delete-form");

        (await response.DocumentAsync()).ErrorFor("reason-error").ShouldContain("say why");
        (await Facts.FindAsync(app, id)).ShouldNotBeNull();
    }
}
