using Microsoft.EntityFrameworkCore;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Data;

public class DatabaseSetupTests
{
    [Fact]
    public async Task Without_a_connection_string_SQLite_creates_its_file_in_the_data_folder()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["ConnectionStrings:Sqlite"] = "" });

        (await app.Client.GetAsync("/")).EnsureSuccessStatusCode();

        System.IO.File.Exists(Path.Combine(app.Database.DataFolder, DatabaseSetup.SqliteFileName)).ShouldBeTrue();
        await using var scope = app.CreateDbScope();
        scope.Db.Database.GetConnectionString()!.ShouldContain(app.Database.DataFolder);
    }

    [Fact]
    public async Task A_relative_SQLite_file_name_is_taken_from_the_data_folder()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["ConnectionStrings:Sqlite"] = "Data Source=relative.db" });

        (await app.Client.GetAsync("/")).EnsureSuccessStatusCode();

        System.IO.File.Exists(Path.Combine(app.Database.DataFolder, "relative.db")).ShouldBeTrue();
    }

    [Theory]
    [InlineData(null, 32)]
    [InlineData(";Max Auto Prepare=0", 0)]
    public async Task PostgreSQL_keeps_frequent_statements_prepared_unless_the_connection_string_says_otherwise(string? suffix, int expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Postgres"] = database.ConnectionString + suffix };
        await using var factory = new UnvAppFactory(database, settings);
        (await factory.CreateClient().GetAsync("/indicators/2021")).EnsureSuccessStatusCode();

        await using var scope = factory.CreateDbScope();
        new Npgsql.NpgsqlConnectionStringBuilder(scope.Db.Database.GetConnectionString()).MaxAutoPrepare.ShouldBe(expected);
    }

    [Theory]
    [InlineData("1", null, "Database:Provider must be 'Sqlite' or 'Postgres' (got '1').")]
    [InlineData("Oracle", null, "Database:Provider must be 'Sqlite' or 'Postgres' (got 'Oracle').")]
    [InlineData("Postgres", null, "Database:Provider is Postgres but ConnectionStrings:Postgres is empty.")]
    [InlineData("Sqlite", "Database:MigrateOnStartup", "Database:MigrateOnStartup must be true or false (got 'sometimes').")]
    [InlineData("Sqlite", "Database:MaxRetryCount", "Database:MaxRetryCount must be a whole number from 0 to 20 (got 'sometimes').")]
    [InlineData("Sqlite", "Database:MaxRetryDelaySeconds", "Database:MaxRetryDelaySeconds must be a whole number of seconds from 0 to 60 (got 'sometimes').")]
    public async Task Bad_database_settings_stop_start_up_with_a_clear_message(string provider, string? badSetting, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = new Dictionary<string, string> { ["Database:Provider"] = provider, ["ConnectionStrings:Postgres"] = "" };
        if (badSetting is not null)
        {
            settings[badSetting] = "sometimes";
        }

        await using var factory = new UnvAppFactory(database, settings);

        Should.Throw<InvalidOperationException>(() => factory.Services).Message.ShouldStartWith(message);
    }

    [Theory, BothProviders]
    public async Task With_migration_at_start_up_switched_off_the_database_is_left_untouched(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string> { ["Database:MigrateOnStartup"] = "false" });
        await using var scope = app.CreateDbScope();

        (await scope.Db.Database.GetAppliedMigrationsAsync()).ShouldBeEmpty();
    }

    [Theory, BothProviders]
    public async Task Reference_data_loading_can_be_switched_off(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string> { ["Database:LoadReferenceData"] = "false" });
        await using var scope = app.CreateDbScope();

        (await scope.Db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await scope.Db.ReportingYears.CountAsync()).ShouldBe(0);
    }
}
