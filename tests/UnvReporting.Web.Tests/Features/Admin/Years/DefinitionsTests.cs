using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain;
using UnvReporting.Domain.Sources;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Admin.Years;

public class DefinitionsTests
{
    /// <summary>The row's form as the page shows it, with the given fields changed.</summary>
    private static Dictionary<string, string> RowForm(IDocument page, string key, Dictionary<string, string> changes)
    {
        var row = page.QuerySelector($"tr[data-indicator='{key}']")!;
        var fields = new Dictionary<string, string>
        {
            ["id"] = row.QuerySelector("input[name=id]")!.GetAttribute("value")!,
            ["version"] = row.QuerySelector("input[name=version]")!.GetAttribute("value")!,
            ["row.CodeAsPublished"] = row.QuerySelector("[name='row.CodeAsPublished']")!.GetAttribute("value")!,
            ["row.TitleEn"] = row.QuerySelector("[name='row.TitleEn']")!.TextContent,
            ["row.TitleZh"] = row.QuerySelector("[name='row.TitleZh']")!.TextContent,
            ["row.Unit"] = row.QuerySelector("[name='row.Unit'] option[selected]")!.GetAttribute("value")!,
            ["row.Direction"] = row.QuerySelector("[name='row.Direction'] option[selected]")!.GetAttribute("value")!,
        };
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return fields;
    }

    [Theory, BothProviders]
    public async Task A_draft_years_definition_is_changed_and_audited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var page = await admin.GetDocumentAsync(app.Url.Definitions(DraftYear.Year));

        var response = await admin.PostFormAsync(app.Url.Page("/Admin/Years/Definitions", "Redefine", new { year = DraftYear.Year }),
            RowForm(page, DraftYear.IndicatorKey, new() { ["row.TitleEn"] = "A better title" }), app.Url.Definitions(DraftYear.Year));

        response.Location().ShouldBe(app.Url.Definitions(DraftYear.Year));
        await using var scope = app.CreateDbScope();
        var entry = await scope.Db.AuditEntries.ByStaff().SingleAsync(a => a.Subject == "indicator-year");
        (entry.Field, entry.OldValue, entry.NewValue, entry.IndicatorKey).ShouldBe(("Definition.TitleEn", DraftYear.Title, "A better title", DraftYear.IndicatorKey));
    }

    [Theory, BothProviders]
    public async Task A_unit_the_figures_do_not_fit_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var page = await admin.GetDocumentAsync(app.Url.Definitions(2019));

        var response = await admin.PostFormAsync(app.Url.Page("/Admin/Years/Definitions", "Redefine", new { year = 2019 }),
            RowForm(page, "1.2", new() { ["row.Unit"] = "Percent", ["reason"] = "Mid-term review" }), app.Url.Definitions(2019));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await response.DocumentAsync();
        refused.QuerySelector("tr[data-indicator='1.2'] [role=alert]")!.TextContent.ShouldContain("The existing milestone is a share and must be between 0 and 100");
        await using var scope = app.CreateDbScope();
        (await scope.Db.IndicatorYears.SingleAsync(y => y.Year == 2019 && y.Indicator.Key == "1.2")).Definition.Unit.ShouldBe(Unit.Count);
        (await scope.Db.AuditEntries.ByStaff().CountAsync()).ShouldBe(0);
    }

    [Theory, BothProviders]
    public async Task A_published_year_needs_a_reason_which_the_year_then_shows(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var page = await admin.GetDocumentAsync(app.Url.Definitions(2021));

        var withoutReason = await admin.PostFormAsync(app.Url.Page("/Admin/Years/Definitions", "Redefine", new { year = 2021 }), RowForm(page, "2.2", new() { ["row.TitleEn"] = "Corrected title" }), app.Url.Definitions(2021));
        var withReason = await admin.PostFormAsync(app.Url.Page("/Admin/Years/Definitions", "Redefine", new { year = 2021 }),
            RowForm(page, "2.2", new() { ["row.TitleEn"] = "Corrected title", ["reason"] = "Typo in the title" }), app.Url.Definitions(2021));

        (await withoutReason.DocumentAsync()).QuerySelector("tr[data-indicator='2.2'] [role=alert]")!.TextContent.ShouldContain("say why it is being corrected");
        withReason.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var scope = app.CreateDbScope();
        var row = await scope.Db.IndicatorYears.SingleAsync(y => y.Year == 2021 && y.Indicator.Key == "2.2");
        (row.Definition.TitleEn, row.RevisionReason).ShouldBe(("Corrected title", "Typo in the title"));
        (await scope.Db.AuditEntries.ByStaff().SingleAsync(a => a.Field == "Definition.TitleEn")).Reason.ShouldBe("Typo in the title");
    }

    [Theory, BothProviders]
    public async Task A_missing_indicator_is_added_with_empty_figures(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var page = await admin.GetDocumentAsync(app.Url.Definitions(DraftYear.Year));
        page.QuerySelectorAll("#add-key option").Select(o => o.GetAttribute("value")).ShouldContain("2.1.1a");

        var response = await admin.PostFormAsync(app.Url.Page("/Admin/Years/Definitions", "Add", new { year = DraftYear.Year }), new Dictionary<string, string>
        {
            ["key"] = "2.1.1a",
            ["input.CodeAsPublished"] = "2.1.1.a",
            ["input.TitleEn"] = "Months of volunteering",
            ["input.TitleZh"] = "志愿服务月数",
            ["input.Unit"] = "Months",
            ["input.Direction"] = "HigherIsBetter",
        }, app.Url.Definitions(DraftYear.Year));

        response.Location().ShouldBe(app.Url.Definitions(DraftYear.Year));
        await using var scope = app.CreateDbScope();
        var added = await scope.Db.IndicatorYears.SingleAsync(y => y.Year == DraftYear.Year && y.Indicator.Key == "2.1.1a");
        (added.CodeAsPublished, added.Milestone, added.Result, added.Source).ShouldBe(("2.1.1.a", null, null, SourceReference.EnteredHere));
        (await scope.Db.AuditEntries.ByStaff().SingleAsync(a => a.Subject == "indicator-year")).Action.ShouldBe(Domain.Auditing.AuditAction.Added);
    }

    [Theory, BothProviders]
    public async Task Admins_redefining_different_rows_of_one_year_at_once_all_succeed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var page = await admin.GetDocumentAsync(app.Url.Definitions(2021));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var keys = page.QuerySelectorAll("tr[data-indicator]").Select(r => r.GetAttribute("data-indicator")!).Take(8).ToList();
        keys.Count.ShouldBe(8);
        var forms = keys.Select(key => new FormUrlEncodedContent(RowForm(page, key, new()
        {
            ["row.TitleEn"] = $"Title of {key}, corrected",
            ["reason"] = "Titles checked against the report",
            ["__RequestVerificationToken"] = token,
        }))).ToList();

        // Every save holds the year, so saves that run together collide on it; they are tried
        // again rather than refused, since none of them overwrote another.
        var answers = await Task.WhenAll(forms.Select(form => admin.PostAsync($"{app.Url.Definitions(2021)}?handler=Redefine", form)));

        answers.Where(a => a.StatusCode != HttpStatusCode.Redirect).Select(a => $"{(int)a.StatusCode} {a.Content.ReadAsStringAsync().Result}").ShouldBeEmpty();
        await using var scope = app.CreateDbScope();
        var titles = await scope.Db.IndicatorYears.Where(y => y.Year == 2021 && keys.Contains(y.Indicator.Key))
            .Select(y => new { y.Indicator.Key, y.Definition.TitleEn }).ToListAsync();
        titles.Select(t => t.TitleEn).ShouldBe(keys.Select(key => $"Title of {key}, corrected"), ignoreOrder: true);
    }
}
