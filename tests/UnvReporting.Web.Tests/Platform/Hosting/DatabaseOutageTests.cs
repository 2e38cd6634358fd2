using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Tests.Support;
using Xunit.Abstractions;

namespace UnvReporting.Web.Tests.Platform.Hosting;

/// <summary>
/// The fault test of docs/reliability.md: PostgreSQL is stopped under the running app and started
/// again. PostgreSQL only by nature (SQLite has no server to lose). The app runs on a cluster of
/// its own, so stopping it leaves the other tests' server alone.
/// </summary>
public class DatabaseOutageTests(ITestOutputHelper output)
{
    private const string DraftPath = "/api/v1/years/2020/indicators/1.1";

    /// <summary>The longest a reader may wait for the 503 page: the retry backoff (about 5 s) and some slack for a busy machine.</summary>
    private static readonly TimeSpan UnavailableWithin = TimeSpan.FromSeconds(15);

    /// <summary>How long after the server is back the app must serve again, without a restart.</summary>
    private static readonly TimeSpan RecoveredWithin = TimeSpan.FromSeconds(10);

    // Public pages are output-cached for anonymous readers: a cached copy would answer 200 while
    // the database is down, and a query string of its own no longer makes a new copy (only the
    // keys a page reads do). The cache is off here, so every request reaches the database.
    private static readonly Dictionary<string, string> CacheOff = new() { ["Performance:OutputCache"] = "false" };

    [Fact]
    public async Task Pages_answer_503_while_PostgreSQL_is_down_no_write_is_half_applied_and_the_app_recovers_when_it_returns()
    {
        await using var cluster = await PostgresCluster.CreateAsync();
        // The staff cookie is checked against the database on every request here (normally once a
        // minute), so a signed-in reader meets the outage in the authentication step too.
        await using var app = TestApp.StartOn(await TestDatabase.CreateOnAsync(cluster), CacheOff, services =>
            services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero));
        await DraftYear.AddAsync(app);
        var token = await app.TokenForAsync(StaffRole.Editor, "api-editor@unv.test");
        var version = await app.VersionOfAsync(DraftYear.Year, DraftYear.IndicatorKey, token);
        using var signedIn = await app.SignedInAsync(StaffRole.Editor);
        (await Get(app.Client, "/indicators/2021")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(app.Client, "/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await cluster.StopAsync();

        var clock = Stopwatch.StartNew();
        using var page = await Get(app.Client, "/indicators/2021");
        var untilUnavailable = clock.Elapsed;
        var html = await page.Content.ReadAsStringAsync();
        ((int)page.StatusCode).ShouldBe(503, html);
        untilUnavailable.ShouldBeLessThan(UnavailableWithin);
        page.Headers.RetryAfter.ShouldNotBeNull();
        html.ShouldContain("The service is temporarily unavailable, try again in a minute.");
        html.ShouldNotContain("   at ");
        html.ShouldNotContain("Exception");
        html.ShouldNotContain("Npgsql");

        using var api = await Get(app.Client, "/api/v1/years/2021/summary");
        await api.ShouldBeProblemAsync(503);
        (await api.Content.ReadAsStringAsync()).ShouldNotContain("Exception");
        (await Get(app.Client, "/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await Get(app.Client, "/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        ((int)(await Get(signedIn.Client, app.Url.Staff)).StatusCode).ShouldBe(503);
        using var signedInPage = await Get(signedIn.Client, "/indicators/2021");
        ((int)signedInPage.StatusCode).ShouldBe(503);
        (await signedInPage.Content.ReadAsStringAsync()).ShouldContain("The service is temporarily unavailable, try again in a minute.");
        using var write = await app.PutJsonAsync(DraftPath, $$"""{"result":55,"narrativeEn":"Saved during the outage","version":"{{version}}"}""", token);
        await write.ShouldBeProblemAsync(503);

        await cluster.StartAsync();

        clock.Restart();
        var refusals = 0;
        HttpStatusCode status;
        while ((status = (await Get(app.Client, "/indicators/2021")).StatusCode) != HttpStatusCode.OK && clock.Elapsed < RecoveredWithin)
        {
            refusals++;
            await Task.Delay(250);
        }

        var untilRecovered = clock.Elapsed;
        output.WriteLine($"503 page {untilUnavailable.TotalSeconds:0.0} s after the stop; serving again {untilRecovered.TotalSeconds:0.0} s after the start ({refusals} request(s) refused meanwhile).");
        status.ShouldBe(HttpStatusCode.OK);
        (await Get(app.Client, "/api/v1/years/2021/summary")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(app.Client, "/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The staff cookie and the bearer token outlive the outage: nobody has to sign in again.
        (await Get(signedIn.Client, app.Url.Staff)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The write refused during the outage left no trace: the figure as it was, no audit entry.
        await using (var scope = app.CreateDbScope())
        {
            var row = await scope.Db.IndicatorYears.AsNoTracking().SingleAsync(iy => iy.Year == DraftYear.Year && iy.Indicator.Key == DraftYear.IndicatorKey);
            (row.Result, row.NarrativeEn).ShouldBe((40m, null));
            (await scope.Db.AuditEntries.ByStaff().CountAsync(a => a.Year == DraftYear.Year)).ShouldBe(0);
        }

        // Each refused request is one error in the log, not one per connection attempt.
        var log = LogFile.ReadLines(app.Database.DataFolder);
        log.Count(l => l.Contains("The database is unavailable; request", StringComparison.Ordinal)).ShouldBe(5);
        log.ShouldNotContain(l => l.Contains("[ERR] Microsoft.EntityFrameworkCore", StringComparison.Ordinal));

        // The same edit, sent again, now goes through, once.
        using var retried = await app.PutJsonAsync(DraftPath, $$"""{"result":55,"narrativeEn":"Saved during the outage","version":"{{version}}"}""", token);
        (await retried.JsonAsync(200)).Raw("result").ShouldBe("55");
        await using (var scope = app.CreateDbScope())
        {
            (await scope.Db.AuditEntries.ByStaff().CountAsync(a => a.Year == DraftYear.Year)).ShouldBe(2);
        }
    }

    [Fact]
    public async Task Every_download_answers_503_with_retry_after_while_PostgreSQL_is_down()
    {
        // The streamed CSVs once sent their header row before the first query ran: the outage
        // then came as a 200 cut off mid-body, where the other files got the 503.
        await using var cluster = await PostgresCluster.CreateAsync();
        await using var app = TestApp.StartOn(await TestDatabase.CreateOnAsync(cluster), CacheOff);
        (await Get(app.Client, "/export/statistics.csv")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await cluster.StopAsync();
        try
        {
            foreach (var path in new[]
            {
                "/export/statistics.csv", "/export/indicators.xlsx", "/export/2021/statistics.csv",
                "/export/2021/statistics.xlsx", "/export/2021/indicators.csv", "/export/2021/indicators.xlsx",
            })
            {
                using var response = await Get(app.Client, path);
                var body = await response.Content.ReadAsStringAsync();

                ((int)response.StatusCode).ShouldBe(503, path);
                response.Headers.RetryAfter.ShouldNotBeNull(path);
                body.ShouldContain("The service is temporarily unavailable, try again in a minute.", customMessage: path);
            }
        }
        finally
        {
            // Back up, so that the test's database can be dropped (and a failure above is the one reported).
            await cluster.StartAsync();
        }
    }

    [Fact]
    public async Task A_restart_between_requests_costs_readers_nothing_though_the_pooled_connections_died_with_it()
    {
        await using var cluster = await PostgresCluster.CreateAsync();
        await using var app = TestApp.StartOn(await TestDatabase.CreateOnAsync(cluster), CacheOff);
        // Several readers at once leave several idle connections in the pool, all dead after the restart.
        var warm = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Get(app.Client, "/indicators/2021")));
        warm.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);

        await cluster.StopAsync();
        await cluster.StartAsync();

        var clock = Stopwatch.StartNew();
        // One reader after another: the first meets the dead connections, unless the pool lets them go.
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add(await Get(app.Client, "/indicators/2021"));
        }

        output.WriteLine($"8 readers after the restart: {string.Join(", ", answers.Select(a => (int)a.StatusCode))} in {clock.Elapsed.TotalSeconds:0.0} s.");
        answers.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await Get(app.Client, "/api/v1/years/2021/summary")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string path) => client.GetAsync(path);
}
