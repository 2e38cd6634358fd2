using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Data;

/// <summary>
/// A staff save whose connection is cut just before it commits (as a failover or an operator's
/// restart cuts it): the figure and its audit entries are one unit, retried as a unit on a new
/// connection, so they are written once, together. PostgreSQL only: SQLite has no connection to lose.
/// </summary>
public class InterruptedSaveTests
{
    [Fact]
    public async Task A_save_whose_connection_dies_before_the_commit_is_retried_whole_and_applied_once()
    {
        var cut = new CutConnectionBeforeCommit();
        await using var app = await TestApp.StartAsync(DatabaseProvider.Postgres, configureServices: services => services.AddSingleton<IInterceptor>(cut));
        await DraftYear.AddAsync(app);
        var token = await app.TokenForAsync(StaffRole.Editor);
        var version = await app.VersionOfAsync(2020, "1.1", token);

        cut.Armed = true;
        using var response = await app.PutJsonAsync("/api/v1/years/2020/indicators/1.1", $$"""{"result":55,"narrativeEn":"Once","version":"{{version}}"}""", token);

        cut.Cuts.ShouldBe(1);
        (await response.JsonAsync(200)).Raw("result").ShouldBe("55");
        await using var scope = app.CreateDbScope();
        var row = await scope.Db.IndicatorYears.AsNoTracking().SingleAsync(iy => iy.Year == 2020 && iy.Indicator.Key == "1.1");
        (row.Result, row.NarrativeEn).ShouldBe((55m, "Once"));
        var audit = await scope.Db.AuditEntries.ByStaff().AsNoTracking().Where(a => a.Year == 2020).Select(a => a.Field).OrderBy(f => f).ToListAsync();
        audit.ShouldBe(["NarrativeEn", "Result"]);
    }

    /// <summary>Ends the server session of the next transaction that is about to commit, from another connection.</summary>
    private sealed class CutConnectionBeforeCommit : DbTransactionInterceptor
    {
        public bool Armed { get; set; }

        public int Cuts { get; private set; }

        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Armed && transaction.Connection is NpgsqlConnection connection)
            {
                Armed = false;
                Cuts++;
                await using var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Pooling = false }.ConnectionString);
                await other.OpenAsync(cancellationToken);
                await using var terminate = new NpgsqlCommand($"SELECT pg_terminate_backend({connection.ProcessID})", other);
                await terminate.ExecuteScalarAsync(cancellationToken);
            }

            return result;
        }
    }
}
