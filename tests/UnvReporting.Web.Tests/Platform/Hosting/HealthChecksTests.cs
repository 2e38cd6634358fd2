using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Hosting;

public class HealthChecksTests
{
    [Theory, BothProviders]
    public async Task Live_and_ready_when_the_database_is_migrated(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var live = await app.Client.GetAsync("/health/live");
        var ready = await app.Client.GetAsync("/health/ready");

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await ReadAsync(ready);
        body.GetProperty("status").GetString().ShouldBe("Healthy");
        var check = body.GetProperty("checks").EnumerateArray().ShouldHaveSingleItem();
        check.GetProperty("name").GetString().ShouldBe("database");
        check.GetProperty("description").GetString().ShouldBe("Reachable; all migrations applied.");
    }

    [Theory, BothProviders]
    public async Task Not_ready_while_migrations_are_pending(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string> { ["Database:MigrateOnStartup"] = "false" });
        int migrations;
        await using (var scope = app.CreateDbScope())
        {
            migrations = scope.Db.Database.GetMigrations().Count();
        }

        var ready = await app.Client.GetAsync("/health/ready");
        var live = await app.Client.GetAsync("/health/live");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var check = (await ReadAsync(ready)).GetProperty("checks").EnumerateArray().ShouldHaveSingleItem();
        check.GetProperty("status").GetString().ShouldBe("Unhealthy");
        check.GetProperty("description").GetString().ShouldBe(migrations == 1 ? "1 migration not applied." : $"{migrations} migrations not applied.");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Not_ready_when_the_database_cannot_be_reached_and_no_detail_leaks()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2",
            ["Database:MigrateOnStartup"] = "false",
        });

        var started = System.Diagnostics.Stopwatch.StartNew();
        var ready = await app.Client.GetAsync("/health/ready");
        var text = await ready.Content.ReadAsStringAsync();

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        // Bounded by the check's timeout, not by the retry strategy (which would take half a minute).
        started.Elapsed.ShouldBeLessThan(UnvReporting.Web.Platform.Hosting.HealthChecks.CheckTimeout + TimeSpan.FromSeconds(5));
        text.ShouldContain("The database cannot be reached.");
        text.ShouldNotContain("Exception");
        text.ShouldNotContain("127.0.0.1");
        (await app.Client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
