using System.Net;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Admin.Frameworks;

public class EditTests
{
    [Theory, BothProviders]
    public async Task Bands_are_changed_with_the_version_seen(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var version = (await admin.GetDocumentAsync(app.Url.Framework("2022-2025"))).QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;

        var response = await admin.PostFormAsync(app.Url.Framework("2022-2025"), new Dictionary<string, string> { ["Input.GreenFrom"] = "90", ["Input.YellowFrom"] = "50", ["Input.Version"] = version });

        response.Location().ShouldBe(app.Url.Framework("2022-2025"));
        await using var scope = app.CreateDbScope();
        (await scope.Db.Frameworks.SingleAsync(f => f.Code == "2022-2025")).Bands.ShouldBe(new RatingBands(90, 50));
        (await scope.Db.AuditEntries.CountAsync(a => a.Subject == "framework" && a.Field == "Bands.GreenFrom" && a.NewValue == "90")).ShouldBe(1);
    }

    [Theory, BothProviders]
    public async Task Bands_that_recolour_published_years_need_a_reason(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var published = app.Url.Framework("2018-2021");
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var version = (await admin.GetDocumentAsync(published)).QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string> { ["Input.GreenFrom"] = "90", ["Input.YellowFrom"] = "50", ["Input.Version"] = version };

        var refused = await admin.PostFormAsync(published, fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(refused)).QuerySelector("#reason-error")!.Text()
            .ShouldBe("2018-2021 has published years whose colours these bands decide: say why they change.");
        await using (var scope = app.CreateDbScope())
        {
            (await scope.Db.Frameworks.SingleAsync(f => f.Code == "2018-2021")).Bands.ShouldBe(RatingBands.Default);
        }

        fields["Input.Reason"] = "Board decision of 2026 on the bands.";
        (await admin.PostFormAsync(published, fields)).Location().ShouldBe(published);

        await using var after = app.CreateDbScope();
        (await after.Db.Frameworks.SingleAsync(f => f.Code == "2018-2021")).Bands.ShouldBe(new RatingBands(90, 50));
        (await after.Db.AuditEntries.SingleAsync(a => a.Subject == "framework" && a.Field == "Bands.GreenFrom")).Reason.ShouldBe("Board decision of 2026 on the bands.");
    }

    [Theory, BothProviders]
    public async Task A_stale_version_is_refused_showing_the_other_persons_bands(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var version = (await admin.GetDocumentAsync(app.Url.Framework("2022-2025"))).QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        await using (var other = app.CreateDbScope())
        {
            (await other.Db.Frameworks.SingleAsync(f => f.Code == "2022-2025")).ChangeBands(new RatingBands(110, 70));
            await other.Db.SaveAuditedAsync(new StaffActor(null, "colleague@unv.test"), null, DateTimeOffset.UtcNow);
        }

        var response = await admin.PostFormAsync(app.Url.Framework("2022-2025"), new Dictionary<string, string> { ["Input.GreenFrom"] = "90", ["Input.YellowFrom"] = "50", ["Input.Version"] = version });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.DocumentAsync()).QuerySelector("#bands-error")!.TextContent.ShouldContain("They are now green from 110% and yellow from 70%");
        await using var scope = app.CreateDbScope();
        (await scope.Db.Frameworks.SingleAsync(f => f.Code == "2022-2025")).Bands.ShouldBe(new RatingBands(110, 70));
    }
}
