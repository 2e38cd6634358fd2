using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Reporting;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Indicators;

public class IndexTests
{
    [Theory, BothProviders]
    public async Task Opens_the_latest_published_year_not_a_later_draft(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var scope = app.CreateDbScope())
        {
            var framework = await scope.Db.Frameworks.SingleAsync(f => f.Code == "2022-2025");
            scope.Db.ReportingYears.Add(new ReportingYear(framework, 2022, ReportingStatus.Draft, null, null));
            await scope.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow);
        }

        using var response = await app.Client.GetAsync("/indicators");

        ((int)response.StatusCode).ShouldBe(302);
        response.Headers.Location!.OriginalString.ShouldBe("/indicators/2021");
    }

    [Fact]
    public async Task Goes_to_the_home_page_when_no_year_is_published()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Database:LoadReferenceData"] = "false" });

        using var response = await app.Client.GetAsync("/indicators");

        ((int)response.StatusCode).ShouldBe(302);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }
}
