using System.Net;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Auditing;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Sources;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff.Years;

public class NewTests
{
    private static Dictionary<string, string> Year(string framework, int year, bool startFromPrevious, string symbol = "")
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.FrameworkCode"] = framework,
            ["Input.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ReportSymbol"] = symbol,
        };
        if (startFromPrevious)
        {
            fields["Input.StartFromPrevious"] = "true";
        }

        return fields;
    }

    [Theory, BothProviders]
    public async Task A_year_after_another_starts_with_its_indicators_and_definitions_but_no_figures(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await app.SignedInAsync(StaffRole.Editor);

        var response = await client.PostFormAsync(app.Url.NewYear, Year("2018-2021", 2020, startFromPrevious: true, symbol: "DP/2021/36"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Location().ShouldBe(app.Url.Staff);
        (await client.GetDocumentAsync(app.Url.Staff)).QuerySelector(".alert-info")!.Text()
            .ShouldContain("Year 2020 is open as a draft with the 14 indicators of 2019");
        await using var scope = app.CreateDbScope();
        var year = await scope.Db.ReportingYears.AsNoTracking().SingleAsync(y => y.Year == 2020);
        (year.Status, year.DocumentSymbol).ShouldBe((ReportingStatus.Draft, "DP/2021/36"));
        var previous = await scope.Db.IndicatorYears.AsNoTracking().Include(iy => iy.Indicator).Where(iy => iy.Year == 2019).ToListAsync();
        var opened = await scope.Db.IndicatorYears.AsNoTracking().Include(iy => iy.Indicator).Where(iy => iy.Year == 2020).ToListAsync();
        previous.Count.ShouldBe(14);
        opened.Select(iy => (iy.Indicator.Key, iy.CodeAsPublished, iy.Definition))
            .ShouldBe(previous.Select(iy => (iy.Indicator.Key, iy.CodeAsPublished, iy.Definition)), ignoreOrder: true);
        opened.ShouldAllBe(iy => iy.Milestone == null && iy.Result == null && iy.NarrativeEn == null && iy.NarrativeZh == null
            && iy.PublishedScorePercent == null && iy.Source == SourceReference.EnteredHere);
        var audit = await scope.Db.AuditEntries.AsNoTracking().Where(a => a.Year == 2020 && a.Action == AuditAction.Added).ToListAsync();
        audit.Count(a => a.Subject == "reporting-year").ShouldBe(1);
        audit.Count(a => a.Subject == "indicator-year").ShouldBe(14);
        audit.ShouldAllBe(a => a.UserName == StaffAccounts.EmailFor(StaffRole.Editor));
    }

    [Theory, BothProviders]
    public async Task The_first_year_of_a_framework_starts_empty_and_says_so(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await app.SignedInAsync(StaffRole.Editor);

        var response = await client.PostFormAsync(app.Url.NewYear, Year("2022-2025", 2022, startFromPrevious: true));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        (await client.GetDocumentAsync(app.Url.Staff)).QuerySelector(".alert-info")!.Text()
            .ShouldContain("Year 2022 is open as a draft with no indicators: the 2022-2025 framework has no year 2021");
        await using var scope = app.CreateDbScope();
        (await scope.Db.ReportingYears.AsNoTracking().SingleAsync(y => y.Year == 2022)).Status.ShouldBe(ReportingStatus.Draft);
        (await scope.Db.IndicatorYears.CountAsync(iy => iy.Year == 2022)).ShouldBe(0);
    }

    [Theory, BothProviders]
    public async Task Without_the_box_ticked_the_year_starts_empty(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await app.SignedInAsync(StaffRole.Approver);

        var response = await client.PostFormAsync(app.Url.NewYear, Year("2018-2021", 2020, startFromPrevious: false));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        await using var scope = app.CreateDbScope();
        (await scope.Db.ReportingYears.AnyAsync(y => y.Year == 2020)).ShouldBeTrue();
        (await scope.Db.IndicatorYears.CountAsync(iy => iy.Year == 2020)).ShouldBe(0);
    }

    [Theory, BothProviders]
    public async Task A_year_that_exists_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await app.SignedInAsync(StaffRole.Editor);

        var response = await client.PostFormAsync(app.Url.NewYear, Year("2018-2021", 2021, startFromPrevious: true));

        (await response.DocumentAsync()).ErrorFor("year-error").ShouldContain("Year 2021 already exists");
        await using var scope = app.CreateDbScope();
        (await scope.Db.AuditEntries.AnyAsync()).ShouldBeFalse();
    }

    [Theory, BothProviders]
    public async Task A_year_outside_the_framework_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await app.SignedInAsync(StaffRole.Editor);

        var response = await client.PostFormAsync(app.Url.NewYear, Year("2018-2021", 2023, startFromPrevious: true));

        (await response.DocumentAsync()).ErrorFor("year-error").ShouldContain("Year 2023 is outside the 2018-2021 framework");
        await using var scope = app.CreateDbScope();
        (await scope.Db.ReportingYears.AnyAsync(y => y.Year == 2023)).ShouldBeFalse();
    }

    [Theory, BothProviders]
    public async Task A_malformed_report_symbol_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await app.SignedInAsync(StaffRole.Editor);

        var response = await client.PostFormAsync(app.Url.NewYear, Year("2022-2025", 2022, startFromPrevious: false, symbol: "DP 2023 20"));

        (await response.DocumentAsync()).ErrorFor("symbol-error").ShouldContain("must be a document symbol such as DP/2020/14");
    }

    [Theory, BothProviders]
    public async Task A_viewer_cannot_open_a_year(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await app.SignedInAsync(StaffRole.Viewer);

        await (await client.GetAsync(app.Url.NewYear)).ShouldBeForbiddenAsync();
        await (await client.PostFormAsync(app.Url.NewYear, Year("2022-2025", 2022, startFromPrevious: false), pagePath: "/")).ShouldBeForbiddenAsync();
        await using var scope = app.CreateDbScope();
        (await scope.Db.ReportingYears.AnyAsync(y => y.Year == 2022)).ShouldBeFalse();
    }

    [Theory, BothProviders]
    public async Task The_form_offers_the_frameworks_and_the_copy_ticked(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await app.SignedInAsync(StaffRole.Editor);

        var fields = (await client.GetDocumentAsync(app.Url.NewYear)).Form("#year-form").Fields();

        fields["Input.FrameworkCode"].ShouldBe("2022-2025");
        fields["Input.StartFromPrevious"].ShouldBe("true");
    }
}
