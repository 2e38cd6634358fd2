using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.Web.Tests.Platform.Configuration;

/// <summary>
/// Every settings section is one options type checked on start (Platform/Configuration/Settings):
/// a value of the wrong kind or out of its range stops start-up with one line naming the setting.
/// </summary>
public class SettingsTests
{
    [Theory]
    [InlineData("Database:MaxRetryCount", "25", "Database:MaxRetryCount must be a whole number from 0 to 20 (got '25').")]
    [InlineData("Database:MaxRetryDelaySeconds", "-1", "Database:MaxRetryDelaySeconds must be a whole number of seconds from 0 to 60 (got '-1').")]
    [InlineData("Database:Provider", "postgres-ish", "Database:Provider must be 'Sqlite' or 'Postgres' (got 'postgres-ish').")]
    [InlineData("Performance:OutputCacheLifetime", "-00:01:00", "Performance:OutputCacheLifetime must be a positive time span such as 00:10:00 (got '-00:01:00').")]
    [InlineData("Performance:OutputCache", "yes", "Performance:OutputCache must be true or false (got 'yes').")]
    [InlineData("FileLog:RetainedFileCountLimit", "many", "FileLog:RetainedFileCountLimit must be a whole number (got 'many').")]
    public async Task A_bad_setting_stops_start_up_naming_it(string setting, string value, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new UnvAppFactory(database, new Dictionary<string, string> { [setting] = value });

        Should.Throw<InvalidOperationException>(() => factory.Services).Message.ShouldBe(message);
    }

    [Fact]
    public async Task A_section_read_only_after_start_up_is_still_checked_when_the_app_starts()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new UnvAppFactory(database, new Dictionary<string, string> { ["Import:MaxRows"] = "lots" });

        Should.Throw<InvalidOperationException>(() => factory.Services).Message.ShouldContain("Import:MaxRows");
    }
}
