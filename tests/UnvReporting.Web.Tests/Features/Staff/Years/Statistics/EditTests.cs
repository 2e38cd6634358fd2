using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Auditing;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff.Years.Statistics;

public class EditTests
{
    private const int Published = 2021;

    [Theory, BothProviders]
    public async Task An_editor_corrects_a_draft_figure(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var id = await Facts.AddAsync(app, DraftYear.Year, 1000);
        using var client = await app.SignedInAsync(StaffRole.Editor);
        var page = await client.GetDocumentAsync(app.Url.EditStatistic(DraftYear.Year, id));
        page.Form("#fact-form").Fields()["Input.Value"].ShouldBe("1,000");

        var response = await client.SubmitAsync(page, "#fact-form", new() { ["Input.Value"] = "1,250", ["Input.Qualifier"] = "Approximate" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        (await Facts.FindAsync(app, id))!.Value.ShouldBe(1250m);
        var audit = await Facts.AuditOfAsync(app, $"{DraftYear.Year} {Facts.Count}");
        audit.ShouldContain(a => a.Action == AuditAction.Changed && a.Field == "Value" && a.OldValue == "1000" && a.NewValue == "1250");
    }

    [Theory, BothProviders]
    public async Task A_save_on_a_stale_version_is_refused_showing_the_other_value_and_keeping_what_was_typed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var id = await Facts.AddAsync(app, DraftYear.Year, 1000);
        using var client = await app.SignedInAsync(StaffRole.Editor);
        var form = await client.GetDocumentAsync(app.Url.EditStatistic(DraftYear.Year, id));
        await Facts.ChangeAsync(app, id, 2000);

        var response = await client.SubmitAsync(form, "#fact-form", new() { ["Input.Value"] = "3000" });

        var page = await response.DocumentAsync();
        page.QuerySelector("#fact-form .alert-danger")!.Text().ShouldContain("Someone else changed this figure: it is now 2,000 (exact, source DP/2021/36 para 13)");
        page.QuerySelector<IHtmlInputElement>("#Input_Value")!.Value.ShouldBe("3000");
        (await Facts.FindAsync(app, id))!.Value.ShouldBe(2000m);
    }

    [Theory, BothProviders]
    public async Task An_editor_cannot_change_a_published_year(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await Facts.IdOfTotalAsync(app, Published, Facts.Count);
        using var client = await app.SignedInAsync(StaffRole.Editor);

        var page = await client.GetDocumentAsync(app.Url.EditStatistic(Published, id));
        var post = await client.PostFormAsync(app.Url.EditStatistic(Published, id), new Dictionary<string, string>
        {
            ["Input.Value"] = "1",
            ["Input.Qualifier"] = "Exact",
            ["Input.Source"] = "DP/2022/24 para 14",
            ["Input.Version"] = "0",
        }, pagePath: "/");

        page.QuerySelector("#fact-form").ShouldBeNull();
        page.QuerySelector(".alert-warning")!.Text().ShouldContain("only Approvers and Admins can correct it");
        await post.ShouldBeForbiddenAsync();
        (await Facts.FindAsync(app, id))!.Value.ShouldBe(10921m);
    }

    [Theory, BothProviders]
    public async Task An_approver_corrects_a_published_year_only_with_a_reason_which_the_audit_keeps(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await Facts.IdOfTotalAsync(app, Published, Facts.Count);
        using var client = await app.SignedInAsync(StaffRole.Approver);
        var form = await client.GetDocumentAsync(app.Url.EditStatistic(Published, id));

        var withoutReason = await client.SubmitAsync(form, "#fact-form", new() { ["Input.Value"] = "10 922" });

        (await withoutReason.DocumentAsync()).ErrorFor("reason-error").ShouldContain("Year 2021 is published: say why");
        (await Facts.FindAsync(app, id))!.Value.ShouldBe(10921m);

        var withReason = await client.SubmitAsync(form, "#fact-form", new() { ["Input.Value"] = "10 922", ["Input.Reason"] = "Corrigendum DP/2022/24/Corr.1" });

        withReason.StatusCode.ShouldBe(HttpStatusCode.Redirect, await withReason.Content.ReadAsStringAsync());
        (await Facts.FindAsync(app, id))!.Value.ShouldBe(10922m);
        var audit = (await Facts.AuditOfAsync(app, $"{Published} {Facts.Count}")).ShouldHaveSingleItem();
        (audit.Field, audit.OldValue, audit.NewValue, audit.Reason).ShouldBe(("Value", "10921", "10922", "Corrigendum DP/2022/24/Corr.1"));
        audit.UserName.ShouldBe(StaffAccounts.EmailFor(StaffRole.Approver));
    }

    [Theory, BothProviders]
    public async Task Editors_correcting_different_figures_of_one_year_at_once_all_succeed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);

        // Figures entered for the draft: those DP/2022/24 prints of 2020 are for Approvers only.
        string[] metrics = ["volunteers_deployed", "volunteer_months", "countries_served", "un_entities_served", "national_share", "global_south_share", "online_volunteers", "youth_volunteers"];
        var ids = new List<long>();
        foreach (var metric in metrics)
        {
            ids.Add(await Facts.AddAsync(app, DraftYear.Year, 10, metric));
        }

        ids.Count.ShouldBe(8);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        using var approver = await app.SignedInAsync(StaffRole.Approver);
        var posts = new List<(StaffBrowser Client, string Path, FormUrlEncodedContent Form)>();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var client = i % 2 == 0 ? editor : approver;
            var page = await client.GetDocumentAsync(app.Url.EditStatistic(DraftYear.Year, id));
            var form = page.Form("#fact-form").Fields();
            form["Input.Note"] = "Checked again.";
            form["__RequestVerificationToken"] = page.QuerySelector("#fact-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            posts.Add((client, app.Url.EditStatistic(DraftYear.Year, id), new FormUrlEncodedContent(form)));
        }

        // Every save holds the year, so saves that run together collide on it; they are tried
        // again rather than refused, since none of them overwrote another.
        var answers = await Task.WhenAll(posts.Select(p => p.Client.PostAsync(p.Path, p.Form)));

        answers.Where(a => a.StatusCode != HttpStatusCode.Redirect).Select(a => $"{(int)a.StatusCode} {a.Content.ReadAsStringAsync().Result}").ShouldBeEmpty();
        foreach (var id in ids)
        {
            (await Facts.FindAsync(app, id))!.Note.ShouldBe("Checked again.", $"fact {id}");
        }
    }
}
