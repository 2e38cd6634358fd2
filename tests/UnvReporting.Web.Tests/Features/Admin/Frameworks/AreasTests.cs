using System.Net;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Auditing;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Admin.Frameworks;

public class AreasTests
{
    private static Dictionary<string, string> Area(string code, string kind, string parent = "") => new()
    {
        ["Input.Code"] = code,
        ["Input.Kind"] = kind,
        ["Input.ParentCode"] = parent,
        ["Input.TitleEn"] = $"Area {code}",
        ["Input.TitleZh"] = $"领域 {code}",
        ["Input.SortOrder"] = "1",
    };

    [Theory, BothProviders]
    public async Task An_outcome_and_its_output_are_added_with_audit_rows(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        (await admin.PostFormAsync(app.Url.Page("/Admin/Frameworks/Areas", "Add", new { code = "2022-2025" }), Area("1", "Outcome"), app.Url.Areas("2022-2025"))).Location().ShouldBe(app.Url.Areas("2022-2025"));
        (await admin.PostFormAsync(app.Url.Page("/Admin/Frameworks/Areas", "Add", new { code = "2022-2025" }), Area("1.1", "Output", "1"), app.Url.Areas("2022-2025"))).Location().ShouldBe(app.Url.Areas("2022-2025"));

        var page = await admin.GetDocumentAsync(app.Url.Areas("2022-2025"));
        page.QuerySelector("tr[data-area='1.1']")!.Text().ShouldContain("Output 1");
        await using var scope = app.CreateDbScope();
        var entries = await scope.Db.AuditEntries.Where(a => a.Subject == "result-area").OrderBy(a => a.Id).ToListAsync();
        entries.Select(e => (e.SubjectKey, e.Action, e.UserName)).ShouldBe(
            [("2022-2025 1", AuditAction.Added, StaffAccounts.EmailFor(StaffRole.Admin)), ("2022-2025 1.1", AuditAction.Added, StaffAccounts.EmailFor(StaffRole.Admin))]);
    }

    [Theory, BothProviders]
    public async Task An_output_without_an_outcome_is_refused_with_the_domain_message(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        var response = await admin.PostFormAsync(app.Url.Page("/Admin/Frameworks/Areas", "Add", new { code = "2022-2025" }), Area("3.1", "Output"), app.Url.Areas("2022-2025"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.DocumentAsync()).QuerySelector("#area-error")!.TextContent.ShouldBe("Output 3.1 must sit under an outcome.");
        await using var scope = app.CreateDbScope();
        (await scope.Db.AuditEntries.CountAsync()).ShouldBe(0);
    }

    [Theory, BothProviders]
    public async Task A_result_area_is_renamed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var page = app.Url.Areas("2018-2021");
        var row = (await admin.GetDocumentAsync(page)).QuerySelector("tr[data-area='IE'] form")!;

        var response = await admin.PostFormAsync($"{page}?handler=Rename", new Dictionary<string, string>
        {
            ["areaId"] = row.QuerySelector("input[name=areaId]")!.GetAttribute("value")!,
            ["version"] = row.QuerySelector("input[name=version]")!.GetAttribute("value")!,
            ["titleEn"] = "Institutional effectiveness, renamed",
            ["titleZh"] = "机构效能",
        }, page);

        response.Location().ShouldBe(page);
        await using var scope = app.CreateDbScope();
        (await scope.Db.ResultAreas.SingleAsync(a => a.Code == "IE")).TitleEn.ShouldBe("Institutional effectiveness, renamed");
        (await scope.Db.AuditEntries.SingleAsync(a => a.Subject == "result-area" && a.Field == "TitleEn")).SubjectKey.ShouldBe("2018-2021 IE");
    }
}
