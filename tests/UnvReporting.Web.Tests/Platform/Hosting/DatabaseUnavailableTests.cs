using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Hosting;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Hosting;

/// <summary>
/// Which failures mean "the database is unavailable" (503 with Retry-After) and which stay 500,
/// and how each pipeline answers them. The real outage, PostgreSQL stopped under the running app,
/// is DatabaseOutageTests.
/// </summary>
public class DatabaseUnavailableTests
{
    public static TheoryData<string, Exception, bool> Failures => new()
    {
        { "connection refused", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), true },
        { "retries exhausted", new RetryLimitExceededException("gave up", new NpgsqlException("Exception while reading from stream", new EndOfStreamException())), true },
        { "server shutting down (57P01)", Postgres("57P01"), true },
        { "server starting up (57P03)", Postgres("57P03"), true },
        { "connection failure (08006)", Postgres("08006"), true },
        { "too many connections (53300)", Postgres("53300"), true },
        { "timeout", new TimeoutException("Timeout during reading attempt"), true },
        { "wrapped in a save", new DbUpdateException("save failed", Postgres("57P02")), true },
        { "SQLite busy", new SqliteException("database is locked", 5), true },
        { "SQLite locked", new SqliteException("database table is locked", 6), true },
        { "SQLite cannot open", new SqliteException("unable to open database file", 14), true },
        { "SQLite WAL index locked (15)", new SqliteException("locking protocol", 15), true },
        { "SQLite read-only file (8)", new SqliteException("attempt to write a readonly database", 8), true },
        { "SQLite disk I/O error (10)", new SqliteException("disk I/O error", 10), true },
        { "SQLite short read (10, extended 266)", new SqliteException("disk I/O error", 10, 266), true },
        { "SQLite disk full (13)", new SqliteException("database or disk is full", 13), true },
        { "unique violation (23505)", Postgres("23505"), false },
        { "serialization failure (40001)", Postgres("40001"), false },
        { "SQLite constraint", new SqliteException("UNIQUE constraint failed", 19), false },
        { "SQLite corrupt file (11)", new SqliteException("database disk image is malformed", 11), false },
        { "SQLite not a database (26)", new SqliteException("file is not a database", 26), false },
        { "SQLite syntax error (1)", new SqliteException("near \"SELEC\": syntax error", 1), false },
        { "a bug", new InvalidOperationException("Sequence contains no elements"), false },
    };

    [Theory, MemberData(nameof(Failures))]
    public void Tells_an_unavailable_database_from_other_failures(string _, Exception exception, bool unavailable)
    {
        DatabaseUnavailable.IsCause(exception).ShouldBe(unavailable);
    }

    [Fact]
    public async Task A_page_answers_503_with_the_friendly_text_and_retry_after_and_no_detail()
    {
        await using var app = await StartAsync();

        var response = await app.Client.GetAsync("/test/unavailable");
        var body = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).ShouldBe(503, body);
        response.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(60));
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        body.ShouldContain("The service is temporarily unavailable, try again in a minute.");
        body.ShouldNotContain("   at ");
        body.ShouldNotContain("Exception");
        body.ShouldNotContain("Failed to connect");
    }

    [Fact]
    public async Task The_page_speaks_the_readers_language()
    {
        await using var app = await StartAsync();

        var response = await app.Client.GetAsync("/test/unavailable?culture=zh-Hans");
        var body = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).ShouldBe(503, body);
        body.ShouldContain("服务暂时无法使用，请一分钟后再试。");
    }

    [Fact]
    public async Task The_api_answers_503_problem_details_with_retry_after_and_no_detail()
    {
        await using var app = await StartAsync();

        var response = await app.Client.GetAsync("/api/test/unavailable");
        var problem = await response.ShouldBeProblemAsync(503);

        response.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(60));
        problem.GetProperty("detail").GetString().ShouldBe("The database cannot be reached at the moment; try again in a minute.");
        problem.ToString().ShouldNotContain("Failed to connect");
        problem.ToString().ShouldNotContain("Exception");
    }

    [Fact]
    public async Task Other_database_errors_stay_500_on_pages_and_api()
    {
        await using var app = await StartAsync();

        var page = await app.Client.GetAsync("/test/bug");
        var api = await app.Client.GetAsync("/api/test/bug");

        ((int)page.StatusCode).ShouldBe(500);
        page.Headers.RetryAfter.ShouldBeNull();
        (await page.Content.ReadAsStringAsync()).ShouldContain("Something went wrong");
        await api.ShouldBeProblemAsync(500);
        api.Headers.RetryAfter.ShouldBeNull();
    }

    [Fact]
    public async Task An_unavailable_database_is_logged_once_as_an_error_per_request()
    {
        await using var app = await StartAsync();

        await app.Client.GetAsync("/test/unavailable");
        await app.Client.GetAsync("/api/test/unavailable");
        await app.Factory.DisposeAsync();

        var lines = LogFile.ReadLines(app.Database.DataFolder);
        lines.Count(l => l.Contains("[ERR]", StringComparison.Ordinal)).ShouldBe(2, string.Join('\n', lines));
        lines.Count(l => l.Contains("The database is unavailable; request", StringComparison.Ordinal)).ShouldBe(2);
        lines.ShouldNotContain(l => l.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_sqlite_write_that_cannot_get_the_lock_in_time_answers_503_and_goes_through_once_the_lock_is_free()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // The app drops the database when disposed. A shorter busy timeout than the default keeps the test quick.
        await using var app = TestApp.StartOn(database, new Dictionary<string, string>
        {
            ["Database:SqliteBusyTimeoutSeconds"] = "1",
        });
        await DraftYear.AddAsync(app);
        var token = await app.TokenForAsync(StaffRole.Editor);
        var version = await app.VersionOfAsync(2020, "1.1", token);
        var edit = $$"""{"result":55,"version":"{{version}}"}""";

        HttpResponseMessage refused;
        await using (var holder = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await holder.OpenAsync();
            using var transaction = holder.BeginTransaction(deferred: false);
            refused = await app.PutJsonAsync("/api/v1/years/2020/indicators/1.1", edit, token);
        }

        await refused.ShouldBeProblemAsync(503);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await (await app.PutJsonAsync("/api/v1/years/2020/indicators/1.1", edit, token)).JsonAsync(200)).Raw("result").ShouldBe("55");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("61")]
    [InlineData("three")]
    public async Task A_busy_timeout_that_is_no_bound_stops_the_start(string seconds)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new UnvAppFactory(database, new Dictionary<string, string> { ["Database:SqliteBusyTimeoutSeconds"] = seconds });

        Should.Throw<InvalidOperationException>(() => factory.Services).Message.ShouldContain("Database:SqliteBusyTimeoutSeconds");
    }

    private static PostgresException Postgres(string sqlState) => new("test", "FATAL", "FATAL", sqlState);

    private static Task<TestApp> StartAsync() =>
        TestApp.StartAsync(DatabaseProvider.Sqlite, configureServices: services => services.AddSingleton<IStartupFilter, FailingEndpoints>());

    // Runs after the app's own pipeline, so the app's error handling sees the exceptions.
    private sealed class FailingEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            RequestDelegate unavailable = _ => throw new RetryLimitExceededException("gave up", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)));
            RequestDelegate bug = _ => throw new DbUpdateException("save failed", Postgres("23505"));
            app.Map("/test/unavailable", branch => branch.Run(unavailable));
            app.Map("/api/test/unavailable", branch => branch.Run(unavailable));
            app.Map("/test/bug", branch => branch.Run(bug));
            app.Map("/api/test/bug", branch => branch.Run(bug));
        };
    }
}
