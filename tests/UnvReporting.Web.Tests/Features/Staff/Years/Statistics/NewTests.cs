using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Auditing;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff.Years.Statistics;

public class NewTests
{
    private static Dictionary<string, string> Figure(string metric, string value, string source = "DP/2021/36 para 12", string? dimension = null, string? member = null) => new()
    {
        ["Input.MetricKey"] = metric,
        ["Input.Dimension"] = dimension ?? string.Empty,
        ["Input.Member"] = member ?? string.Empty,
        ["Input.Value"] = value,
        ["Input.Qualifier"] = "Exact",
        ["Input.Source"] = source,
        ["Input.Note"] = string.Empty,
    };

    [Theory, BothProviders]
    public async Task An_editor_adds_a_figure_written_with_spaces_and_it_is_audited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var client = await app.SignedInAsync(StaffRole.Editor);

        var response = await client.PostFormAsync(app.Url.NewStatistic(DraftYear.Year), Figure(Facts.Count, "1 663 729"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Location().ShouldBe(app.Url.Statistics(DraftYear.Year));
        var id = await Facts.IdOfTotalAsync(app, DraftYear.Year, Facts.Count);
        var fact = (await Facts.FindAsync(app, id))!;
        fact.Value.ShouldBe(1_663_729m);
        fact.Source.ToString().ShouldBe("DP/2021/36 para 12");
        var audit = (await Facts.AuditOfAsync(app, $"{DraftYear.Year} {Facts.Count}")).ShouldHaveSingleItem();
        audit.Action.ShouldBe(AuditAction.Added);
        audit.UserName.ShouldBe(StaffAccounts.EmailFor(StaffRole.Editor));
        var list = await client.GetDocumentAsync(app.Url.Statistics(DraftYear.Year));
        list.QuerySelector($"tr[data-fact='{id}'] .value")!.Text().ShouldBe("1,663,729");
    }

    [Theory, BothProviders]
    public async Task A_share_above_one_hundred_is_refused_next_to_the_value_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var client = await app.SignedInAsync(StaffRole.Editor);

        var response = await client.PostFormAsync(app.Url.NewStatistic(DraftYear.Year), Figure(Facts.Share, "150"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.DocumentAsync();
        page.ErrorFor("value-error").ShouldContain("must be between 0 and 100");
        page.QuerySelector("#value-unit")!.Text().ShouldBe("% (0-100)");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Value")!.Value.ShouldBe("150");
        await using var scope = app.CreateDbScope();
        (await scope.Db.StatisticFacts.AnyAsync(f => f.Year == DraftYear.Year && f.MetricKey == Facts.Share)).ShouldBeFalse();
    }

    [Theory, BothProviders]
    public async Task A_source_without_a_place_in_the_document_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var client = await app.SignedInAsync(StaffRole.Editor);

        var response = await client.PostFormAsync(app.Url.NewStatistic(DraftYear.Year), Figure(Facts.Count, "8282", source: "DP/2021/36"));

        (await response.DocumentAsync()).ErrorFor("source-error").ShouldContain("must name a document and a place in it");
        await using var scope = app.CreateDbScope();
        (await scope.Db.StatisticFacts.AnyAsync(f => f.Year == DraftYear.Year && f.MetricKey == Facts.Count)).ShouldBeFalse();
    }

    [Theory, BothProviders]
    public async Task The_same_metric_and_breakdown_twice_is_refused_next_to_the_member(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var client = await app.SignedInAsync(StaffRole.Editor);
        var africa = Figure(Facts.Share, "53%", dimension: "region", member: "Africa");
        (await client.PostFormAsync(app.Url.NewStatistic(DraftYear.Year), africa)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var again = await client.PostFormAsync(app.Url.NewStatistic(DraftYear.Year), africa);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.DocumentAsync()).ErrorFor("member-error").ShouldContain("2020 already has Women for Region: Africa");
        await using var scope = app.CreateDbScope();
        (await scope.Db.StatisticFacts.CountAsync(f => f.Year == DraftYear.Year && f.MetricKey == Facts.Share)).ShouldBe(1);
    }

    [Theory, BothProviders]
    public async Task A_member_must_belong_to_the_dimension_chosen(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var client = await app.SignedInAsync(StaffRole.Editor);

        var response = await client.PostFormAsync(app.Url.NewStatistic(DraftYear.Year), Figure(Facts.Share, "40", dimension: "region", member: "UNDP"));

        (await response.DocumentAsync()).ErrorFor("member-error").ShouldContain("'UNDP' is not a member of region");
    }

    [Theory, BothProviders]
    public async Task A_viewer_cannot_add_a_figure(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var client = await app.SignedInAsync(StaffRole.Viewer);

        await (await client.GetAsync(app.Url.NewStatistic(DraftYear.Year))).ShouldBeForbiddenAsync();
        var post = await client.PostFormAsync(app.Url.NewStatistic(DraftYear.Year), Figure(Facts.Count, "8282"), pagePath: "/");

        await post.ShouldBeForbiddenAsync();
        await using var scope = app.CreateDbScope();
        (await scope.Db.StatisticFacts.AnyAsync(f => f.Year == DraftYear.Year && f.MetricKey == Facts.Count)).ShouldBeFalse();
    }
}
