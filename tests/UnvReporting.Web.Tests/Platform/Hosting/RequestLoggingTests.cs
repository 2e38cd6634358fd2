using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Hosting;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Hosting;

/// <summary>Logging (Logging.AddUnvLogging) and the one line per request (RequestLogging).</summary>
public class RequestLoggingTests
{
    [Fact]
    public async Task Each_request_writes_one_line_with_method_path_status_and_time_to_the_rolling_file()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        await app.Client.GetAsync("/about/scoring");
        await app.Client.GetAsync("/no-such-page");

        var lines = ReadLog(app);
        lines.Count(l => l.Contains("HTTP GET /about/scoring responded 200 in ", StringComparison.Ordinal)).ShouldBe(1);
        lines.Count(l => l.Contains("HTTP GET /no-such-page responded 404 in ", StringComparison.Ordinal)).ShouldBe(1);
        lines.Single(l => l.Contains("GET /about/scoring ", StringComparison.Ordinal)).ShouldMatch(@" \[INF\] .*responded 200 in \d+\.\d ms$");
    }

    [Fact]
    public async Task A_path_carrying_a_line_break_cannot_forge_a_log_line()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        await app.Client.GetAsync("/forged%0D%0A2026-01-01 [INF] fake");
        await app.Client.GetAsync("/forged%0A2026-01-02 [INF] fake");

        var lines = ReadLog(app);
        lines.ShouldNotContain(l => l.StartsWith("2026-01-0", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("HTTP GET /forged??2026-01-01 [INF] fake responded 404", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("HTTP GET /forged?2026-01-02 [INF] fake responded 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_healthy_probe_is_logged_at_debug_only()
    {
        await using var quiet = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await using var verbose = await TestApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Serilog:MinimumLevel:Default"] = "Debug" });

        (await quiet.Client.GetAsync("/health/live")).EnsureSuccessStatusCode();
        (await verbose.Client.GetAsync("/health/live")).EnsureSuccessStatusCode();

        ReadLog(quiet).ShouldNotContain(l => l.Contains("/health/live", StringComparison.Ordinal));
        ReadLog(verbose).ShouldContain(l => l.Contains("[DBG]", StringComparison.Ordinal) && l.Contains("HTTP GET /health/live responded 200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_hosts_in_one_process_write_each_to_its_own_file()
    {
        await using var first = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await using var second = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        first.Factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("UnvReporting.Test").LogInformation("Written by the first host");
        second.Factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("UnvReporting.Test").LogInformation("Written by the second host");

        ReadLog(first).ShouldContain(l => l.EndsWith("Written by the first host", StringComparison.Ordinal));
        ReadLog(first).ShouldNotContain(l => l.EndsWith("Written by the second host", StringComparison.Ordinal));
        ReadLog(second).ShouldContain(l => l.EndsWith("Written by the second host", StringComparison.Ordinal));
        ReadLog(second).ShouldNotContain(l => l.EndsWith("Written by the first host", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/plain/path", "/plain/path")]
    [InlineData("/a\r\nb", "/a??b")]
    [InlineData("/tab\there", "/tab?here")]
    [InlineData("", "/")]
    public void Printable_replaces_control_characters(string path, string printed) =>
        RequestLogging.Printable(path).ShouldBe(printed);

    [Fact]
    public async Task With_the_file_log_switched_off_no_log_file_is_written()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["FileLog:Enabled"] = "false" });

        (await app.Client.GetAsync("/health/live")).EnsureSuccessStatusCode();

        Directory.Exists(Path.Combine(app.Database.DataFolder, "logs")).ShouldBeFalse();
    }

    private static List<string> ReadLog(TestApp app)
    {
        var lines = LogFile.ReadLines(app.Database.DataFolder);
        lines.ShouldNotBeEmpty();
        return lines;
    }
}
