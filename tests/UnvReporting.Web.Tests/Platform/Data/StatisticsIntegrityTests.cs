using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Statistics;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Data;

/// <summary>The database itself refuses statistics that would be ambiguous, whatever wrote them.</summary>
public class StatisticsIntegrityTests
{
    [Theory, BothProviders]
    public async Task A_second_value_for_the_same_year_and_metric_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.CreateDbScope();
        var metric = await scope.Db.Metrics.SingleAsync(m => m.Key == "volunteers_deployed");

        scope.Db.StatisticFacts.Add(new StatisticFact(2019, metric, null, 8283, Qualifier.Exact, new("DP/2020/14", "para 31"), null));

        await Should.ThrowAsync<DbUpdateException>(() => scope.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow));
    }

    [Theory, BothProviders]
    public async Task A_second_value_for_the_same_breakdown_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.CreateDbScope();
        var metric = await scope.Db.Metrics.SingleAsync(m => m.Key == "deployments");
        var dimension = await scope.Db.Dimensions.Include(d => d.Members).SingleAsync(d => d.Key == "entity");

        scope.Db.StatisticFacts.Add(new StatisticFact(2019, metric, dimension.Members.Single(m => m.Key == "UNDP"), 1, Qualifier.Exact, new("DP/2020/14", "para 24"), null));

        await Should.ThrowAsync<DbUpdateException>(() => scope.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow));
    }

    [Theory, BothProviders]
    public async Task The_same_breakdown_in_another_year_is_accepted(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.CreateDbScope();
        var metric = await scope.Db.Metrics.SingleAsync(m => m.Key == "deployments");
        var dimension = await scope.Db.Dimensions.Include(d => d.Members).SingleAsync(d => d.Key == "entity");

        scope.Db.StatisticFacts.Add(new StatisticFact(2020, metric, dimension.Members.Single(m => m.Key == "UNDP"), 3100, Qualifier.Exact, new("DP/2022/24", "para 16"), null));
        await scope.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow);

        (await scope.Db.StatisticFacts.CountAsync(f => f.MetricKey == "deployments" && f.Member == "UNDP")).ShouldBe(3);
    }

    [Theory, BothProviders]
    public async Task A_dimension_without_a_member_is_refused_by_the_database(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.CreateDbScope();

        // The domain cannot build such a fact; this checks the database's own guard.
        var insert = scope.Db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "StatisticFacts" ("Year", "MetricKey", "Dimension", "Member", "Value", "Qualifier", "SourceDocument", "SourceLocator")
            VALUES (2020, 'deployments', 'entity', NULL, 1, 'Exact', 'DP/2022/24', 'para 16')
            """);

        await Should.ThrowAsync<Exception>(() => insert);
        (await scope.Db.StatisticFacts.CountAsync(f => f.Year == 2020 && f.MetricKey == "deployments")).ShouldBe(0);
    }
}
