using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Auditing;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff;

/// <summary>
/// <c>PUT /api/v1/years/{year}/indicators/{key}</c>: the entry page's rules through the API. The
/// draft year 2020 holds indicator 1.1 as a percent with milestone 50 and result 40 (80%, yellow).
/// </summary>
public class StaffApiTests
{
    private const string DraftPath = "/api/v1/years/2020/indicators/1.1";

    [Theory, BothProviders]
    public async Task An_editor_changes_a_draft_result_and_gets_the_new_score_colour_and_version(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var token = await app.TokenForAsync(StaffRole.Editor);
        var version = await app.VersionOfAsync(2020, "1.1", token);

        var response = await app.PutJsonAsync(DraftPath, $$"""{"result":55,"version":"{{version}}"}""", token);

        var item = await response.JsonAsync(200);
        item.Raw("target").ShouldBe("50");
        item.Raw("result").ShouldBe("55");
        item.Raw("score").ShouldBe("110");
        item.GetProperty("rating").GetString().ShouldBe("green");
        item.GetProperty("status").GetString().ShouldBe("draft");
        item.GetProperty("version").GetString().ShouldNotBe(version);
        await using var scope = app.CreateDbScope();
        var audit = await scope.Db.AuditEntries.ByStaff().Where(a => a.Year == 2020 && a.IndicatorKey == "1.1").ToListAsync();
        var entry = audit.ShouldHaveSingleItem();
        (entry.Action, entry.Field, entry.OldValue, entry.NewValue, entry.UserName).ShouldBe((AuditAction.Changed, "Result", "40", "55", StaffAccounts.EmailFor(StaffRole.Editor)));
    }

    [Theory, BothProviders]
    public async Task An_edit_from_a_stale_version_is_a_conflict_with_the_current_values_and_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var token = await app.TokenForAsync(StaffRole.Editor);
        var version = await app.VersionOfAsync(2020, "1.1", token);
        var first = await (await app.PutJsonAsync(DraftPath, $$"""{"result":45,"version":"{{version}}"}""", token)).JsonAsync(200);

        var response = await app.PutJsonAsync(DraftPath, $$"""{"result":60,"narrativeEn":"Mine","version":"{{version}}"}""", token);

        var problem = await response.ShouldBeProblemAsync(409);
        var current = problem.GetProperty("current");
        current.PropertyNames().ShouldBe(["target", "result", "narrativeEn", "narrativeZh", "missingDataReason", "version", "changedBy", "changedAt"]);
        current.Raw("target").ShouldBe("50");
        current.Raw("result").ShouldBe("45");
        current.GetProperty("version").GetString().ShouldBe(first.GetProperty("version").GetString());
        current.GetProperty("changedBy").GetString().ShouldBe(StaffAccounts.EmailFor(StaffRole.Editor));
        var now = await app.GetJsonAsync(DraftPath, token);
        now.Raw("result").ShouldBe("45");
        now.GetProperty("narrative").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Theory, BothProviders]
    public async Task Invalid_values_are_bad_requests_naming_the_field_and_change_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var editor = await app.TokenForAsync(StaffRole.Editor);
        var admin = await app.TokenForAsync(StaffRole.Admin);
        var draftVersion = await app.VersionOfAsync(2020, "1.1", editor);
        var countVersion = await app.VersionOfAsync(2021, "1.2.2", admin);
        string before;
        await using (var scope = app.CreateDbScope())
        {
            before = await DatabaseSnapshot.TakeAsync(scope.Db);
        }

        var share = await (await app.PutJsonAsync(DraftPath, $$"""{"target":150,"version":"{{draftVersion}}"}""", editor)).ShouldBeProblemAsync(400);
        var text = await (await app.PutJsonAsync(DraftPath, $$"""{"result":"53%","version":"{{draftVersion}}"}""", editor)).ShouldBeProblemAsync(400);
        var negative = await (await app.PutJsonAsync("/api/v1/years/2021/indicators/1.2.2", $$"""{"result":-5,"reason":"Typo","version":"{{countVersion}}"}""", admin)).ShouldBeProblemAsync(400);
        var tooPrecise = await (await app.PutJsonAsync(DraftPath, $$"""{"result":40.00001,"version":"{{draftVersion}}"}""", editor)).ShouldBeProblemAsync(400);
        var huge = await (await app.PutJsonAsync(DraftPath, $$"""{"result":1e40,"version":"{{draftVersion}}"}""", editor)).ShouldBeProblemAsync(400);

        share.GetProperty("errors").GetProperty("target")[0].GetString().ShouldBe("Milestone is a share and must be between 0 and 100 (got 150).");
        text.GetProperty("errors").GetProperty("result")[0].GetString()!.ShouldStartWith("result must be a JSON number");
        negative.GetProperty("errors").GetProperty("result")[0].GetString().ShouldBe("Result cannot be negative (got -5).");
        tooPrecise.GetProperty("errors").PropertyNames().ShouldBe(["result"]);
        huge.GetProperty("errors").PropertyNames().ShouldBe(["result"]);
        await using (var scope = app.CreateDbScope())
        {
            (await DatabaseSnapshot.TakeAsync(scope.Db)).ShouldBe(before);
            (await scope.Db.AuditEntries.ByStaff().CountAsync(a => a.Subject == "indicator-year")).ShouldBe(0);
        }
    }

    [Theory, BothProviders]
    public async Task A_body_the_api_does_not_understand_is_a_bad_request(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var token = await app.TokenForAsync(StaffRole.Editor);

        var noVersion = await (await app.PutJsonAsync(DraftPath, """{"result":45}""", token)).ShouldBeProblemAsync(400);
        var unknownField = await (await app.PutJsonAsync(DraftPath, """{"milestone":45,"version":"1"}""", token)).ShouldBeProblemAsync(400);
        var twice = await (await app.PutJsonAsync(DraftPath, """{"result":45,"result":46,"version":"1"}""", token)).ShouldBeProblemAsync(400);
        var notAnObject = await (await app.PutJsonAsync(DraftPath, "[45]", token)).ShouldBeProblemAsync(400);
        var tooLarge = await (await app.PutJsonAsync(DraftPath, $$"""{"narrativeEn":"{{new string('x', 70_000)}}","version":"1"}""", token)).ShouldBeProblemAsync(413);

        noVersion.GetProperty("errors").PropertyNames().ShouldBe(["version"]);
        unknownField.GetProperty("errors").GetProperty("milestone")[0].GetString()!.ShouldContain("target");
        twice.GetProperty("errors").PropertyNames().ShouldBe(["result"]);
        notAnObject.GetProperty("detail").GetString().ShouldBe("The body must be a JSON object.");
        tooLarge.GetProperty("title").GetString().ShouldBe("Body too large");
    }

    [Theory, BothProviders]
    public async Task An_omitted_field_stays_as_it_is_and_null_clears_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var token = await app.TokenForAsync(StaffRole.Editor);
        var version = await app.VersionOfAsync(2020, "1.1", token);

        var described = await (await app.PutJsonAsync(DraftPath, $$"""{"narrativeEn":"Reviews doubled.","version":"{{version}}"}""", token)).JsonAsync(200);
        var cleared = await (await app.PutJsonAsync(DraftPath, $$"""{"result":null,"version":"{{described.GetProperty("version").GetString()}}"}""", token)).JsonAsync(200);

        (described.Raw("target"), described.Raw("result"), described.GetProperty("narrative").GetString()).ShouldBe(("50", "40", "Reviews doubled."));
        (cleared.Raw("target"), cleared.Raw("result"), cleared.GetProperty("narrative").GetString()).ShouldBe(("50", "null", "Reviews doubled."));
        cleared.GetProperty("rating").GetString().ShouldBe("grey");
        cleared.GetProperty("notRateable").GetString().ShouldBe("no-result");
    }

    [Theory, BothProviders]
    public async Task Without_a_token_the_answer_is_401_and_for_a_viewer_403(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var viewer = await app.TokenForAsync(StaffRole.Viewer);
        var version = await app.VersionOfAsync(2020, "1.1", viewer);
        var body = $$"""{"result":45,"version":"{{version}}"}""";

        var anonymous = await app.PutJsonAsync(DraftPath, body, token: null);
        var forged = await app.PutJsonAsync(DraftPath, body, token: "not-a-token");
        var asViewer = await app.PutJsonAsync(DraftPath, body, viewer);

        await anonymous.ShouldBeProblemAsync(401);
        anonymous.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        await forged.ShouldBeProblemAsync(401);
        await asViewer.ShouldBeProblemAsync(403);
        (await app.GetJsonAsync(DraftPath, viewer)).Raw("result").ShouldBe("40");
    }

    [Theory, BothProviders]
    public async Task An_editor_cannot_correct_a_published_year(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var token = await app.TokenForAsync(StaffRole.Editor);
        var version = await app.VersionOfAsync(2021, "1.1", token);

        var response = await app.PutJsonAsync("/api/v1/years/2021/indicators/1.1", $$"""{"result":64,"reason":"Typo","version":"{{version}}"}""", token);

        var problem = await response.ShouldBeProblemAsync(403);
        problem.GetProperty("detail").GetString().ShouldBe("Year 2021 is published; only Approvers and Admins can correct it, with a reason.");

        // The staff pages say the rule in Chinese to a Chinese reader; the API's problem stays English.
        var asked = await app.PutJsonAsync("/api/v1/years/2021/indicators/1.1?culture=zh-Hans", $$"""{"result":64,"reason":"Typo","version":"{{version}}"}""", token);
        (await asked.ShouldBeProblemAsync(403)).GetProperty("detail").GetString().ShouldBe("Year 2021 is published; only Approvers and Admins can correct it, with a reason.");
    }

    [Theory, BothProviders]
    public async Task A_submitted_year_is_frozen_while_it_is_reviewed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        await using (var scope = app.CreateDbScope())
        {
            (await scope.Db.ReportingYears.SingleAsync(y => y.Year == DraftYear.Year)).Submit(StaffRole.Editor, DraftYear.Check);
            await scope.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow, CancellationToken.None);
        }

        var token = await app.TokenForAsync(StaffRole.Approver);
        var version = await app.VersionOfAsync(2020, "1.1", token);

        var problem = await (await app.PutJsonAsync(DraftPath, $$"""{"result":45,"version":"{{version}}"}""", token)).ShouldBeProblemAsync(403);

        problem.GetProperty("detail").GetString()!.ShouldContain("submitted for review");
    }

    [Theory, BothProviders]
    public async Task An_approver_corrects_a_published_year_only_with_a_reason_which_the_public_page_then_shows(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var token = await app.TokenForAsync(StaffRole.Approver);
        var version = await app.VersionOfAsync(2021, "1.1", token);
        const string Path = "/api/v1/years/2021/indicators/1.1";

        var withoutReason = await (await app.PutJsonAsync(Path, $$"""{"result":61,"version":"{{version}}"}""", token)).ShouldBeProblemAsync(400);
        var corrected = await (await app.PutJsonAsync(Path, $$"""{"result":61,"reason":"Paragraph 4 gives 61%.","version":"{{version}}"}""", token)).JsonAsync(200);

        withoutReason.GetProperty("errors").PropertyNames().ShouldBe(["reason"]);
        corrected.Raw("result").ShouldBe("61");
        corrected.GetProperty("status").GetString().ShouldBe("published");
        corrected.GetProperty("revisionReason").GetString().ShouldBe("Paragraph 4 gives 61%.");
        var page = await app.Client.GetDocumentAsync("/indicators/2021/1.1");
        page.QuerySelector(".revision-note")!.TextContent.ShouldContain("Paragraph 4 gives 61%.");
        page.QuerySelector(".revision-note")!.TextContent.ShouldContain("Revised on");
    }

    [Theory, BothProviders]
    public async Task An_indicator_the_year_does_not_have_is_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var token = await app.TokenForAsync(StaffRole.Editor);

        var problem = await (await app.PutJsonAsync("/api/v1/years/2020/indicators/1.2", """{"result":45,"version":"1"}""", token)).ShouldBeProblemAsync(404);

        problem.GetProperty("detail").GetString().ShouldBe("Indicator 1.2 is not part of year 2020.");
    }
}
