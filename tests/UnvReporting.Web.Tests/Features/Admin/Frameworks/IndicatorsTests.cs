using System.Net;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Admin.Frameworks;

public class IndicatorsTests
{
    [Theory, BothProviders]
    public async Task An_indicator_is_added_in_normal_form_with_an_audit_row(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        var response = await admin.PostFormAsync(app.Url.Page("/Admin/Frameworks/Indicators", "Add", new { code = "2018-2021" }),
            new Dictionary<string, string> { ["Input.Key"] = "2.2.3.A", ["Input.AreaCode"] = "2.2", ["Input.SortOrder"] = "30" }, app.Url.FrameworkIndicators("2018-2021"));

        response.Location().ShouldBe(app.Url.FrameworkIndicators("2018-2021"));
        await using var scope = app.CreateDbScope();
        var indicator = await scope.Db.Indicators.Include(i => i.Area).SingleAsync(i => i.Key == "2.2.3a");
        indicator.Area.Code.ShouldBe("2.2");
        (await scope.Db.AuditEntries.SingleAsync(a => a.Subject == "indicator")).SubjectKey.ShouldBe("2018-2021 2.2.3a");
    }

    [Theory, BothProviders]
    public async Task A_duplicate_key_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        var response = await admin.PostFormAsync(app.Url.Page("/Admin/Frameworks/Indicators", "Add", new { code = "2018-2021" }),
            new Dictionary<string, string> { ["Input.Key"] = "1.1", ["Input.AreaCode"] = "1", ["Input.SortOrder"] = "1" }, app.Url.FrameworkIndicators("2018-2021"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.DocumentAsync()).QuerySelector("#indicator-error")!.TextContent.ShouldBe("Indicator 1.1 exists already in 2018-2021.");
    }

    [Theory, BothProviders]
    public async Task An_indicator_moves_to_another_area(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var form = (await admin.GetDocumentAsync(app.Url.FrameworkIndicators("2018-2021"))).QuerySelector("tr[data-indicator='2.2.2'] form")!;

        var response = await admin.PostFormAsync(app.Url.Page("/Admin/Frameworks/Indicators", "Move", new { code = "2018-2021" }), new Dictionary<string, string>
        {
            ["indicatorId"] = form.QuerySelector("input[name=indicatorId]")!.GetAttribute("value")!,
            ["version"] = form.QuerySelector("input[name=version]")!.GetAttribute("value")!,
            ["areaCode"] = "2.1",
            ["sortOrder"] = "99",
        }, app.Url.FrameworkIndicators("2018-2021"));

        response.Location().ShouldBe(app.Url.FrameworkIndicators("2018-2021"));
        await using var scope = app.CreateDbScope();
        var moved = await scope.Db.Indicators.Include(i => i.Area).SingleAsync(i => i.Key == "2.2.2");
        (moved.Area.Code, moved.SortOrder).ShouldBe(("2.1", 99));
        (await scope.Db.AuditEntries.CountAsync(a => a.Subject == "indicator" && a.IndicatorKey == "2.2.2")).ShouldBe(2);
    }
}
