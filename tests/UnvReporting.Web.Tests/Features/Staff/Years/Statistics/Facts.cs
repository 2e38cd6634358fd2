using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Sources;
using UnvReporting.Domain.Statistics;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff.Years.Statistics;

/// <summary>Statistics a test sets up or changes behind the pages' back, as another editor would.</summary>
internal static class Facts
{
    public const string Count = "volunteers_deployed";

    public const string Share = "women_share";

    /// <summary>A total of a metric for the year (volunteers_deployed unless said; a draft year has none in the reference data), sourced to a report not published.</summary>
    public static async Task<long> AddAsync(TestApp app, int year, decimal value, string metricKey = Count)
    {
        var fact = await app.Services.SaveAsync(async db =>
        {
            var metric = await db.Metrics.SingleAsync(m => m.Key == metricKey);
            return db.StatisticFacts.Add(new StatisticFact(year, metric, null, value, Qualifier.Exact, SourceReference.Parse("DP/2021/36 para 12"), null)).Entity;
        });
        return fact.Id;
    }

    public static async Task<long> IdOfTotalAsync(TestApp app, int year, string metricKey)
    {
        await using var scope = app.CreateDbScope();
        return await scope.Db.StatisticFacts.Where(f => f.Year == year && f.MetricKey == metricKey && f.Dimension == null).Select(f => f.Id).SingleAsync();
    }

    public static async Task<StatisticFact?> FindAsync(TestApp app, long id)
    {
        await using var scope = app.CreateDbScope();
        return await scope.Db.StatisticFacts.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id);
    }

    /// <summary>Another editor's save, through the same audited save the pages use.</summary>
    public static async Task ChangeAsync(TestApp app, long id, decimal value)
    {
        await using var scope = app.CreateDbScope();
        var fact = await scope.Db.StatisticFacts.SingleAsync(f => f.Id == id);
        var metric = await scope.Db.Metrics.SingleAsync(m => m.Key == fact.MetricKey);
        fact.Correct(metric, value, fact.Qualifier, SourceReference.Parse("DP/2021/36 para 13"), fact.Note);
        await scope.Db.SaveAuditedAsync(new StaffActor(null, "other.editor@unv.test"), null, DateTimeOffset.UtcNow);
    }

    /// <summary>What the staff did to a statistic, as the audit trail has it (not the test's own set-up).</summary>
    public static async Task<List<Domain.Auditing.AuditEntry>> AuditOfAsync(TestApp app, string subjectKey)
    {
        await using var scope = app.CreateDbScope();
        return await scope.Db.AuditEntries.ByStaff().AsNoTracking().Where(a => a.Subject == "statistic" && a.SubjectKey == subjectKey).OrderBy(a => a.Id).ToListAsync();
    }
}
