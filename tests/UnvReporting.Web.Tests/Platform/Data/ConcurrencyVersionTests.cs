using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Staff;
using UnvReporting.Domain.Statistics;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Data;

public class ConcurrencyVersionTests
{
    [Theory, BothProviders]
    public async Task A_figure_saved_after_its_year_was_submitted_meanwhile_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        await using var editor = app.CreateDbScope();
        var year = await editor.Db.ReportingYears.SingleAsync(y => y.Year == DraftYear.Year);
        var row = await editor.Db.IndicatorYears.SingleAsync(iy => iy.Year == DraftYear.Year);
        year.EditRuleFor(StaffRole.Editor).Allowed.ShouldBeTrue();

        // Between the editor's check and their save, the year is submitted.
        await using (var other = app.CreateDbScope())
        {
            (await other.Db.ReportingYears.SingleAsync(y => y.Year == DraftYear.Year)).Submit(StaffRole.Editor, DraftYear.Check);
            await other.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow);
        }

        row.Enter(50, 45, null, null);
        editor.Db.HoldYear(year);
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => editor.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow));

        await using var check = app.CreateDbScope();
        (await check.Db.IndicatorYears.AsNoTracking().SingleAsync(iy => iy.Year == DraftYear.Year)).Result.ShouldBe(40m);
        (await check.Db.AuditEntries.CountAsync(a => a.Subject == "indicator-year" && a.Action == Domain.Auditing.AuditAction.Changed)).ShouldBe(0);
    }

    [Theory, BothProviders]
    public async Task Holding_an_unchanged_year_writes_no_audit_entry(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        await using var scope = app.CreateDbScope();
        var year = await scope.Db.ReportingYears.SingleAsync(y => y.Year == DraftYear.Year);

        scope.Db.HoldYear(year);
        await scope.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow);

        (await scope.Db.AuditEntries.CountAsync(a => a.Subject == "reporting-year" && a.Action != Domain.Auditing.AuditAction.Added)).ShouldBe(0);
        year.Status.ShouldBe(ReportingStatus.Draft);
    }

    [Theory, BothProviders]
    public async Task A_plain_save_of_a_new_figure_is_refused_so_nothing_escapes_the_audit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.CreateDbScope();
        var metric = await scope.Db.Metrics.SingleAsync(m => m.Key == "volunteers_deployed");
        scope.Db.StatisticFacts.Add(new StatisticFact(2030, metric, null, 1, Qualifier.Exact, new("DP/2031/1", "para 1"), null));

        (await Should.ThrowAsync<InvalidOperationException>(() => scope.Db.SaveChangesAsync()))
            .Message.ShouldBe("A change to StatisticFact must be saved with SaveAuditedAsync so that the audit trail records it.");
    }
}
