using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff.Years.Statistics;

public class IndexTests
{
    [Theory, BothProviders]
    public async Task A_viewer_sees_the_figures_by_metric_without_ways_to_change_them(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await Facts.IdOfTotalAsync(app, 2021, Facts.Count);
        using var client = await app.SignedInAsync(StaffRole.Viewer);

        var page = await client.GetDocumentAsync(app.Url.Statistics(2021));

        var row = page.QuerySelector($"section[data-metric='{Facts.Count}'] tr[data-fact='{id}']")!;
        row.Text().ShouldContain("Total (no breakdown) 10,921 exact DP/2022/24 para 14");
        page.QuerySelector("section[data-metric='women_share'] caption")!.Text().ShouldContain("unit: % (0-100)");
        page.QuerySelectorAll("a[href$='/edit'], a[href$='/delete'], a[href$='/statistics/new']").ShouldBeEmpty();
        page.QuerySelector("#read-only")!.Text().ShouldContain("Read only: Year 2021 is published");
        var post = await client.PostFormAsync(app.Url.DeleteStatistic(2021, id), new Dictionary<string, string> { ["Version"] = "0" }, pagePath: "/");
        await post.ShouldBeForbiddenAsync();
        (await Facts.FindAsync(app, id)).ShouldNotBeNull();
    }

    [Theory, BothProviders]
    public async Task An_editor_may_change_a_draft_year_but_only_read_a_published_one(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var id = await Facts.AddAsync(app, DraftYear.Year, 1000);
        using var client = await app.SignedInAsync(StaffRole.Editor);

        var draft = await client.GetDocumentAsync(app.Url.Statistics(DraftYear.Year));
        var published = await client.GetDocumentAsync(app.Url.Statistics(2021));

        draft.QuerySelector($"a[href='{app.Url.EditStatistic(DraftYear.Year, id)}']").ShouldNotBeNull();
        draft.QuerySelector($"a[href='{app.Url.DeleteStatistic(DraftYear.Year, id)}']").ShouldNotBeNull();
        published.QuerySelectorAll("a[href$='/edit']").ShouldBeEmpty();
        published.QuerySelector("#read-only")!.Text().ShouldContain("only Approvers and Admins can correct it");
    }

    [Theory, BothProviders]
    public async Task Visitors_are_sent_to_sign_in(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Visitor();

        (await client.GetAsync(app.Url.Statistics(2021))).ShouldGoToSignIn(app.Url);
        (await client.GetAsync(app.Url.NewStatistic(2021))).ShouldGoToSignIn(app.Url);
    }

    [Theory, BothProviders]
    public async Task A_year_that_does_not_exist_is_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await app.SignedInAsync(StaffRole.Editor);

        await client.GetDocumentAsync(app.Url.Statistics(2030), expectedStatus: 404);
    }
}
