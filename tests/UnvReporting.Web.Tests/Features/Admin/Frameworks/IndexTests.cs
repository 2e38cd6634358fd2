using System.Net;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Admin.Frameworks;

public class IndexTests
{
    private static Dictionary<string, string> Framework(int green, int yellow) => new()
    {
        ["Input.StartYear"] = "2026",
        ["Input.EndYear"] = "2029",
        ["Input.DocumentSymbol"] = "DP/2026/3",
        ["Input.GreenFrom"] = green.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.YellowFrom"] = yellow.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory, BothProviders]
    public async Task A_new_framework_is_created_with_its_bands_and_audited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        var response = await admin.PostFormAsync(app.Url.Frameworks, Framework(95, 55));

        response.Location().ShouldBe(app.Url.Framework("2026-2029"));
        var list = await admin.GetDocumentAsync(app.Url.Frameworks);
        list.QuerySelector("tr[data-framework='2026-2029']")!.Text().ShouldContain("95% 55%");
        await using var scope = app.CreateDbScope();
        (await scope.Db.AuditEntries.SingleAsync(a => a.Subject == "framework")).SubjectKey.ShouldBe("2026-2029");
    }

    [Theory, BothProviders]
    public async Task Bad_bands_show_the_domain_message_and_write_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        string before;
        await using (var scope = app.CreateDbScope())
        {
            before = await DatabaseSnapshot.TakeAsync(scope.Db);
        }

        var response = await admin.PostFormAsync(app.Url.Frameworks, Framework(60, 60));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.DocumentAsync()).QuerySelector("#framework-error")!.TextContent
            .ShouldBe("Green must start above yellow (green from 60%, yellow from 60%).");
        await using var after = app.CreateDbScope();
        (await DatabaseSnapshot.TakeAsync(after.Db)).ShouldBe(before);
        (await after.Db.AuditEntries.CountAsync()).ShouldBe(0);
    }
}
