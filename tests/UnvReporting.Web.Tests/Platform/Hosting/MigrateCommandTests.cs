using Microsoft.EntityFrameworkCore;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.ReferenceData;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Hosting;

/// <summary>The operator's command, run as operators run it: the built app with the argument <c>migrate</c>.</summary>
public class MigrateCommandTests
{
    [Theory, BothProviders]
    public async Task Migrate_prepares_the_database_and_exits_and_running_it_again_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var first = await RunMigrateAsync(database.Settings);
        var second = await RunMigrateAsync(database.Settings);

        first.ExitCode.ShouldBe(0, first.Output);
        second.ExitCode.ShouldBe(0, second.Output);
        first.Output.ShouldContain("Reference data loaded");
        second.Output.ShouldContain("Reference data not loaded: the database already holds data");

        await using var app = new UnvAppFactory(database, new Dictionary<string, string> { ["Database:MigrateOnStartup"] = "false" });
        await using var scope = app.CreateDbScope();
        (await scope.Db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await scope.Db.IndicatorYears.CountAsync()).ShouldBe(28);
        (await scope.Db.StatisticFacts.CountAsync()).ShouldBe(ReferenceDataFile.Read().Statistics.Count);
    }

    [Theory, BothProviders]
    public async Task Running_migrate_on_a_loaded_database_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await RunMigrateAsync(database.Settings)).ExitCode.ShouldBe(0);
        await using var app = new UnvAppFactory(database, new Dictionary<string, string> { ["Database:MigrateOnStartup"] = "false" });
        string before;
        await using (var scope = app.CreateDbScope())
        {
            before = await DatabaseSnapshot.TakeAsync(scope.Db);
        }

        var again = await RunMigrateAsync(database.Settings);

        again.ExitCode.ShouldBe(0, again.Output);
        await using var after = app.CreateDbScope();
        (await DatabaseSnapshot.TakeAsync(after.Db)).ShouldBe(before);
    }

    [Fact]
    public async Task Migrate_fails_with_a_non_zero_exit_code_when_the_database_cannot_be_reached()
    {
        var dataFolder = Directory.CreateTempSubdirectory("unv-test-").FullName;
        (int ExitCode, string Output) result;
        try
        {
            result = await RunMigrateAsync(new Dictionary<string, string>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2",
                ["DataFolder"] = dataFolder,
            }, maxRetryCount: "0");
        }
        finally
        {
            Directory.Delete(dataFolder, recursive: true);
        }

        result.ExitCode.ShouldBe(1, result.Output);
        result.Output.ShouldContain("Migration failed");
    }

    private static Task<(int ExitCode, string Output)> RunMigrateAsync(IReadOnlyDictionary<string, string> settings, string? maxRetryCount = null) =>
        AppCommand.RunAsync(
            ["migrate"],
            maxRetryCount is null ? settings : new Dictionary<string, string>(settings) { ["Database:MaxRetryCount"] = maxRetryCount });
}
