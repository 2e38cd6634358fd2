using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Hosting;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Hosting;

/// <summary>
/// The backup and restore procedures of docs/reliability.md, as an operator runs them: every table
/// of the restored database holds the same rows as the source, and the app serves from it.
/// </summary>
public class BackupRestoreTests
{
    private const string DraftPath = "/api/v1/years/2020/indicators/1.1";

    [Fact]
    public async Task A_pg_dump_restored_into_a_new_database_holds_every_row_of_the_source()
    {
        await using var cluster = await PostgresCluster.CreateAsync();
        await using var app = TestApp.StartOn(await TestDatabase.CreateOnAsync(cluster));
        await DraftYear.AddAsync(app);
        var token = await app.TokenForAsync(StaffRole.Editor);
        var version = await app.VersionOfAsync(2020, "1.1", token);
        (await app.PutJsonAsync(DraftPath, $$"""{"result":55,"version":"{{version}}"}""", token)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var source = app.Database.ConnectionString;
        var dump = Path.Combine(cluster.Folder, "unv.dump");

        await cluster.RunToolAsync("pg_dump", "-Fc", "-h", "127.0.0.1", "-p", Port(cluster), "-U", "postgres",
            "-d", new NpgsqlConnectionStringBuilder(source).Database!, "-f", dump);
        var restoredDatabase = await TestDatabase.CreateOnAsync(cluster);
        var restored = restoredDatabase.ConnectionString;
        await cluster.RunToolAsync("pg_restore", "--no-owner", "--exit-on-error", "-h", "127.0.0.1", "-p", Port(cluster), "-U", "postgres",
            "-d", new NpgsqlConnectionStringBuilder(restored).Database!, dump);

        var before = await TableContents.ReadPostgresAsync(source);
        var after = await TableContents.ReadPostgresAsync(restored);
        after.ShouldBe(before);
        // Not two empty databases agreeing: the reference data, the account and the audit entries
        // (the draft year's two, as it was set up, and the edit's) are there.
        before.Single(t => t.Name == "AspNetUsers").Rows.ShouldBe(1);
        before.Single(t => t.Name == "AuditEntries").Rows.ShouldBe(3);
        before.Single(t => t.Name == "StatisticFacts").Rows.ShouldBeGreaterThan(100);
        before.Single(t => t.Name == "DataProtectionKeys").Rows.ShouldBeGreaterThanOrEqualTo(1);

        await using var original = Postgres(source);
        await using var copy = Postgres(restored);
        (await copy.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await DatabaseSnapshot.TakeAsync(copy)).ShouldBe(await DatabaseSnapshot.TakeAsync(original));

        // An instance on the restored database reads the key ring from it: the token issued
        // before the backup still opens the staff API, nobody has to sign in again.
        await using var restoredApp = TestApp.StartOn(restoredDatabase);
        var draft = await restoredApp.GetJsonAsync(DraftPath, token);
        draft.Raw("result").ShouldBe("55");
    }

    [Fact]
    public async Task A_sqlite_backup_taken_while_staff_save_is_consistent_and_the_app_serves_from_the_restored_file()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await DraftYear.AddAsync(app);
        var token = await app.TokenForAsync(StaffRole.Editor);
        var saves = 0;
        var writer = Task.Run(async () =>
        {
            var version = await app.VersionOfAsync(2020, "1.1", token);
            for (var result = 41; result <= 70; result++)
            {
                var saved = await (await app.PutJsonAsync(DraftPath, $$"""{"result":{{result}},"version":"{{version}}"}""", token)).JsonAsync(200);
                version = saved.GetProperty("version").GetString()!;
                Interlocked.Increment(ref saves);
            }
        });
        while (Volatile.Read(ref saves) < 5 && !writer.IsCompleted)
        {
            await Task.Delay(20);
        }

        var duringWrites = Path.Combine(app.Database.DataFolder, "during-writes.db");
        var savedBefore = Volatile.Read(ref saves);
        await Task.Run(() => SqliteBackup.Copy(app.Database.ConnectionString, duringWrites));
        var savedAfter = Volatile.Read(ref saves);
        await writer;

        // Taken in the middle of the saves, the copy holds whole saves only: the figure and its
        // audit trail agree (each save changes the result once and writes one audit entry).
        await using (var copy = Sqlite(duringWrites))
        {
            var row = await copy.IndicatorYears.AsNoTracking()
                .Where(iy => iy.Year == 2020 && iy.Indicator.Key == "1.1")
                .Select(iy => new { iy.Result, Version = EF.Property<uint>(iy, ConcurrencyVersion.PropertyName) })
                .SingleAsync();
            var audit = await copy.AuditEntries.ByStaff().AsNoTracking().Where(a => a.Year == 2020).OrderBy(a => a.Id).ToListAsync();
            ((int)row.Version).ShouldBe(audit.Count);
            // The saves answered before the copy began are in it; one still in flight after it may be.
            audit.Count.ShouldBeInRange(savedBefore, savedAfter + 1);
            row.Result.ShouldBe(audit.Count == 0 ? 40m : decimal.Parse(audit[^1].NewValue!, CultureInfo.InvariantCulture));
            (await copy.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync()).ShouldBe(["ok"]);
        }

        // Restore = put the file where the app expects its database, then start the app.
        var final = Path.Combine(app.Database.DataFolder, "final.db");
        SqliteBackup.Copy(app.Database.ConnectionString, final);
        var restoredDatabase = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        File.Copy(final, Path.Combine(restoredDatabase.DataFolder, DatabaseSetup.SqliteFileName));
        await using var restored = TestApp.StartOn(restoredDatabase); // drops the database when done

        (await restored.Client.GetAsync("/indicators/2021")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var source = await TableContents.ReadSqliteAsync(app.Database.ConnectionString);
        (await TableContents.ReadSqliteAsync(restoredDatabase.ConnectionString)).ShouldBe(source);
        source.Single(t => t.Name == "AuditEntries").Rows.ShouldBe(2 + 30, "the draft year's set-up and the thirty saves");
    }

    [Fact]
    public async Task The_backup_command_writes_a_new_file_and_refuses_to_overwrite_one()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        (await app.Client.GetAsync("/health/ready")).EnsureSuccessStatusCode();
        var target = Path.Combine(app.Database.DataFolder, "nightly.db");

        var first = await RunBackupAsync(app.Database.Settings, target);
        var second = await RunBackupAsync(app.Database.Settings, target);

        first.ExitCode.ShouldBe(0, first.Output);
        first.Output.ShouldContain("Backed up the SQLite database to");
        second.ExitCode.ShouldBe(1, second.Output);
        second.Output.ShouldContain("exists already");
        (await TableContents.ReadSqliteAsync($"Data Source={target}")).ShouldBe(await TableContents.ReadSqliteAsync(app.Database.ConnectionString));
    }

    private static string Port(PostgresCluster cluster) => cluster.Port.ToString(CultureInfo.InvariantCulture);

    private static PostgresUnvDbContext Postgres(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresUnvDbContext>().UseNpgsql(connectionString).Options);

    private static SqliteUnvDbContext Sqlite(string path) =>
        new(new DbContextOptionsBuilder<SqliteUnvDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString).Options);

    private static Task<(int ExitCode, string Output)> RunBackupAsync(IReadOnlyDictionary<string, string> settings, string target) =>
        AppCommand.RunAsync(["backup", target], settings);
}
