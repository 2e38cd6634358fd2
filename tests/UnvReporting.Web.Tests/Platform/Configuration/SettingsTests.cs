using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Security;
using UnvReporting.Web.Platform.Text;

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
    [InlineData("Sessions:IdleMinutes", "half an hour", "Sessions:IdleMinutes must be a whole number of minutes from 1 to 1440 (a day) (got 'half an hour').")]
    [InlineData("Sessions:AbsoluteHours", "0", "Sessions:AbsoluteHours must be a whole number of hours from 1 to 720 (30 days) (got '0').")]
    [InlineData("Sessions:AbsoluteHours", "1000000", "Sessions:AbsoluteHours must be a whole number of hours from 1 to 720 (30 days) (got '1000000').")]
    [InlineData("RateLimits:SignInPerMinute", "0", "RateLimits:SignInPerMinute must be a whole number of attempts, at least 1 (got '0').")]
    [InlineData("RateLimits:SignInPerMinute", "ten", "RateLimits:SignInPerMinute must be a whole number of attempts, at least 1 (got 'ten').")]
    [InlineData("Cookies:HttpsOnly", "yes", "Cookies:HttpsOnly must be true or false (got 'yes').")]
    [InlineData("ForwardedHeaders:Enabled", "on", "ForwardedHeaders:Enabled must be true or false (got 'on').")]
    [InlineData("Localization:Cultures:1", "not a culture!", "Localization:Cultures must hold culture names such as zh-Hans (got 'not a culture!').")]
    public async Task A_bad_setting_stops_start_up_naming_it(string setting, string value, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new UnvAppFactory(database, new Dictionary<string, string> { [setting] = value });

        Should.Throw<InvalidOperationException>(() => factory.Services).Message.ShouldBe(message);
    }

    [Fact]
    public async Task An_idle_timeout_longer_than_the_absolute_lifetime_stops_start_up_naming_both()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new UnvAppFactory(database, new Dictionary<string, string> { ["Sessions:IdleMinutes"] = "90", ["Sessions:AbsoluteHours"] = "1" });

        Should.Throw<InvalidOperationException>(() => factory.Services).Message
            .ShouldBe("Sessions:IdleMinutes must be no longer than Sessions:AbsoluteHours (got 90 minutes and 1 hours).");
    }

    [Fact]
    public async Task The_sections_read_at_start_up_are_also_options_checked_when_the_app_starts()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new UnvAppFactory(database, new Dictionary<string, string> { ["Sessions:IdleMinutes"] = "45" });

        factory.Services.GetRequiredService<IOptions<SessionLifetime>>().Value.IdleMinutes.ShouldBe(45);
        factory.Services.GetRequiredService<IOptions<RateLimitSettings>>().Value.SignInPerMinute.ShouldBe(1000);
        factory.Services.GetRequiredService<IOptions<CookieSettings>>().Value.HttpsOnly.ShouldBe(false);
        factory.Services.GetRequiredService<IOptions<LanguageSettings>>().Value.Cultures.ShouldBeEmpty();
        factory.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Enabled.ShouldBeFalse();
    }

    [Theory]
    [InlineData(null, new[] { "en", "zh-Hans" })]
    [InlineData("zh-Hans", new[] { "zh-Hans" })]
    public async Task A_configured_culture_list_replaces_the_default_one(string? configured, string[] offered)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new UnvAppFactory(
            database,
            configured is null ? [] : new Dictionary<string, string> { ["Localization:Cultures:0"] = configured });

        var localization = factory.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value;

        localization.SupportedUICultures!.Select(c => c.Name).ShouldBe(offered);
    }

    [Fact]
    public async Task A_section_read_only_after_start_up_is_still_checked_when_the_app_starts()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new UnvAppFactory(database, new Dictionary<string, string> { ["Import:MaxRows"] = "lots" });

        Should.Throw<InvalidOperationException>(() => factory.Services).Message.ShouldContain("Import:MaxRows");
    }
}
