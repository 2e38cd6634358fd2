using UnvReporting.Web.Data;
using UnvReporting.Web.Infrastructure;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Infrastructure;

public class RequestLoggingTests
{
    [Fact]
    public async Task Each_request_writes_one_line_with_method_path_status_and_time_to_the_rolling_file()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        await app.Client.GetAsync("/health/live");
        await app.Client.GetAsync("/no-such-page");

        var lines = ReadLog(app);
        lines.Count(l => l.Contains("HTTP GET /health/live responded 200 in ", StringComparison.Ordinal)).ShouldBe(1);
        lines.Count(l => l.Contains("HTTP GET /no-such-page responded 404 in ", StringComparison.Ordinal)).ShouldBe(1);
        lines.Single(l => l.Contains("/health/live", StringComparison.Ordinal)).ShouldMatch(@"responded 200 in \d+\.\d ms$");
    }

    [Fact]
    public async Task A_path_carrying_a_line_break_cannot_forge_a_log_line()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        await app.Client.GetAsync("/forged%0D%0A2026-01-01 [INF] fake");

        var lines = ReadLog(app);
        lines.ShouldNotContain(l => l.StartsWith("2026-01-01 [INF] fake", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("HTTP GET /forged??2026-01-01 [INF] fake responded 404", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/plain/path", "/plain/path")]
    [InlineData("/a\r\nb", "/a??b")]
    [InlineData("/tab\there", "/tab?here")]
    [InlineData("", "/")]
    public void Printable_replaces_control_characters(string path, string printed) =>
        RequestLoggingMiddleware.Printable(path).ShouldBe(printed);

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
