using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Caching;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Caching;

/// <summary>
/// The output cache in front of the public pages and read API (Platform/Caching/PublishedCache): repeated
/// visitor requests cost no SQL, answers differ by culture, a saved change is visible at once,
/// and staff never get a visitor's copy.
/// </summary>
public class PublishedCacheTests
{
    private static readonly string[] CachedPaths =
    [
        "/",
        "/indicators/2021",
        "/indicators/2021/1.2",
        "/statistics/2021",
        "/statistics/trends",
        "/statistics/compare?a=2019&b=2021",
        "/api/v1/years",
        "/api/v1/years/2021/summary",
        "/api/v1/years/2021/indicators",
        "/api/v1/years/2021/indicators/1.2",
        "/api/v1/indicators/1.2",
        "/api/v1/years/2021/statistics",
        "/api/v1/statistics/volunteers_deployed",
    ];

    [Theory, BothProviders]
    public async Task A_repeated_visitor_request_is_answered_without_sql(DatabaseProvider provider)
    {
        var counter = new CommandCounter();
        await using var app = await TestApp.StartAsync(provider, configureServices: services => services.AddSingleton<IInterceptor>(counter));

        foreach (var path in CachedPaths)
        {
            var first = await GetTextAsync(app.Client, path);
            counter.Reset();
            var second = await GetTextAsync(app.Client, path);

            counter.Count.ShouldBe(0, $"{path} was read from the database again");
            second.ShouldBe(first, path);
        }
    }

    [Theory, BothProviders]
    public async Task A_query_key_the_answer_does_not_read_neither_misses_the_cache_nor_makes_a_copy(DatabaseProvider provider)
    {
        // Every key once made its own copy: ?z=<random> reached the database each time and
        // filled the cache with copies of one page, pushing out the ones readers use.
        var counter = new CommandCounter();
        await using var app = await TestApp.StartAsync(provider, configureServices: services => services.AddSingleton<IInterceptor>(counter));

        foreach (var path in CachedPaths)
        {
            var first = await GetTextAsync(app.Client, path);
            counter.Reset();
            var other = await GetTextAsync(app.Client, $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}z={Guid.NewGuid():N}");

            counter.Count.ShouldBe(0, $"{path} with a random key was read from the database again");
            other.ShouldBe(first, path);
        }
    }

    [Theory, BothProviders]
    public async Task The_query_keys_a_page_reads_still_choose_its_copy(DatabaseProvider provider)
    {
        var counter = new CommandCounter();
        await using var app = await TestApp.StartAsync(provider, configureServices: services => services.AddSingleton<IInterceptor>(counter));

        foreach (var (path, other) in new[]
        {
            ("/indicators/2021?rating=green", "/indicators/2021?rating=red"),
            ("/statistics/compare?a=2019&b=2021", "/statistics/compare?a=2020&b=2021"),
            ("/statistics/trends?metric=volunteers_deployed", "/statistics/trends?metric=women_share"),
            ("/statistics/trends", "/statistics/trends?handler=Csv"),
            ("/statistics/2021", "/statistics/2021?handler=Csv&chart=entities"),
            ("/indicators/2021", "/indicators/2021?culture=zh-Hans"),
        })
        {
            var first = await GetTextAsync(app.Client, path);
            counter.Reset();
            var second = await GetTextAsync(app.Client, other);

            counter.Count.ShouldBeGreaterThan(0, $"{other} was served {path}'s copy");
            second.ShouldNotBe(first, other);
        }
    }

    [Theory, BothProviders]
    public async Task A_visitor_gets_the_whole_history_downloads_from_the_cache_and_staff_never(DatabaseProvider provider)
    {
        // They read every year: built for each request, a loop of them keeps the cores busy.
        var counter = new CommandCounter();
        await using var app = await TestApp.StartAsync(provider, configureServices: services => services.AddSingleton<IInterceptor>(counter));
        using var staff = await app.SignedInAsync(StaffRole.Viewer);

        foreach (var path in new[] { "/export/indicators.xlsx", "/export/statistics.csv" })
        {
            var first = await GetBytesAsync(app.Client, path);
            counter.Reset();
            var again = await GetBytesAsync(app.Client, $"{path}?z={Guid.NewGuid():N}");
            counter.Count.ShouldBe(0, $"{path} was built again");
            again.ShouldBe(first, path);

            counter.Reset();
            await GetBytesAsync(staff.Client, path);
            counter.Count.ShouldBeGreaterThan(0, $"{path}: staff were served the visitors' copy");
        }
    }

    [Theory, BothProviders]
    public async Task What_start_up_wrote_does_not_empty_the_cache_of_the_first_visitors_later(DatabaseProvider provider)
    {
        // Start-up loads the reference data (a save that evicts) and, on PostgreSQL, starts
        // listening to other instances; neither may evict again once visitors are being served.
        var counter = new CommandCounter();
        await using var app = await TestApp.StartAsync(provider, configureServices: services => services.AddSingleton<IInterceptor>(counter));
        var first = await GetTextAsync(app.Client, "/indicators/2021");

        await Task.Delay(PublishedCacheEviction.SecondEviction + TimeSpan.FromSeconds(1));
        counter.Reset();
        var again = await GetTextAsync(app.Client, "/indicators/2021");

        counter.Count.ShouldBe(0);
        again.ShouldBe(first);
    }

    [Theory, BothProviders]
    public async Task With_the_cache_switched_off_every_request_reads_the_database(DatabaseProvider provider)
    {
        var counter = new CommandCounter();
        await using var app = await TestApp.StartAsync(
            provider, new Dictionary<string, string> { ["Performance:OutputCache"] = "false" }, configureServices: services => services.AddSingleton<IInterceptor>(counter));

        await GetTextAsync(app.Client, "/indicators/2021");
        counter.Reset();
        await GetTextAsync(app.Client, "/indicators/2021");

        counter.Count.ShouldBeGreaterThan(0);
    }

    [Theory, BothProviders]
    public async Task The_culture_cookie_gets_its_own_copy(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var english = await GetTextAsync(app.Client, "/indicators/2021");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/indicators/2021");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans");
        using var response = await app.Client.SendAsync(request);
        var chinese = await response.Content.ReadAsStringAsync();
        var englishAgain = await GetTextAsync(app.Client, "/indicators/2021");

        english.ShouldContain("<html lang=\"en\"");
        chinese.ShouldContain("<html lang=\"zh-Hans\"");
        englishAgain.ShouldBe(english);
    }

    [Theory, BothProviders]
    public async Task An_edit_saved_through_the_api_is_seen_by_the_next_visitor(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        const string path = "/api/v1/years/2021/indicators/1.1";
        (await app.GetJsonAsync(path, token: null)).GetProperty("result").GetDecimal().ShouldBe(63m);
        (await GetTextAsync(app.Client, "/indicators/2021")).ShouldNotContain("61%");

        var approver = await app.TokenForAsync(StaffRole.Approver);
        await (await app.PutJsonAsync(path, $$"""{"result":61,"reason":"Cache test.","version":"{{await app.VersionOfAsync(2021, "1.1", approver)}}"}""", approver)).JsonAsync(200);

        (await app.GetJsonAsync(path, token: null)).GetProperty("result").GetDecimal().ShouldBe(61m);
        (await GetTextAsync(app.Client, "/indicators/2021")).ShouldContain("61%");
    }

    [Theory, BothProviders]
    public async Task An_answer_stored_just_after_a_change_is_evicted_again_a_little_later(DatabaseProvider provider)
    {
        // A reader that read the old figures just before a commit may store its answer just after
        // the eviction; the second eviction removes whatever was stored in between.
        var counter = new CommandCounter();
        await using var app = await TestApp.StartAsync(provider, configureServices: services => services.AddSingleton<IInterceptor>(counter));
        var approver = await app.TokenForAsync(StaffRole.Approver);
        await (await app.PutJsonAsync("/api/v1/years/2021/indicators/1.1", $$"""{"result":61,"reason":"Second eviction test.","version":"{{await app.VersionOfAsync(2021, "1.1", approver)}}"}""", approver)).JsonAsync(200);

        await GetTextAsync(app.Client, "/api/v1/years/2021/summary");
        counter.Reset();
        await GetTextAsync(app.Client, "/api/v1/years/2021/summary");
        counter.Count.ShouldBe(0, "stored after the first eviction");

        await Task.Delay(PublishedCacheEviction.SecondEviction + TimeSpan.FromSeconds(1));
        counter.Reset();
        await GetTextAsync(app.Client, "/api/v1/years/2021/summary");

        counter.Count.ShouldBeGreaterThan(0, "the second eviction removed it");
    }

    [Theory, BothProviders]
    public async Task Publishing_a_year_shows_it_to_the_next_visitor(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        (await app.GetJsonAsync("/api/v1/years", token: null)).EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ShouldNotContain(DraftYear.Year);

        await using (var scope = app.CreateDbScope())
        {
            var year = await scope.Db.ReportingYears.SingleAsync(y => y.Year == DraftYear.Year);
            year.Submit(StaffRole.Editor, DraftYear.Check);
            year.Publish(StaffRole.Approver, "approver", DraftYear.Check, [], fourEyes: true);
            await scope.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow);
        }

        (await app.GetJsonAsync("/api/v1/years", token: null)).EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ShouldContain(DraftYear.Year);
    }

    [Theory, BothProviders]
    public async Task Staff_are_neither_served_nor_stored_in_the_visitors_cache(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var staff = await app.SignedInAsync(StaffRole.Viewer);

        var visitorFirst = await GetTextAsync(app.Client, "/indicators/2021");
        var staffPage = await GetTextAsync(staff.Client, "/indicators/2021");
        var visitorAgain = await GetTextAsync(app.Client, "/indicators/2021");

        visitorFirst.ShouldNotContain($"href=\"{app.Url.Staff}\"");
        staffPage.ShouldContain($"href=\"{app.Url.Staff}\"");
        visitorAgain.ShouldNotContain($"href=\"{app.Url.Staff}\"");

        var token = await app.TokenForAsync(StaffRole.Editor);
        await DraftYear.AddAsync(app);
        (await app.GetJsonAsync("/api/v1/years", token: null)).EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ShouldNotContain(DraftYear.Year);
        (await app.GetJsonAsync("/api/v1/years", token)).EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ShouldContain(DraftYear.Year);
        (await app.GetJsonAsync("/api/v1/years", token: null)).EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ShouldNotContain(DraftYear.Year);
    }

    /// <summary>What Chromium sends.</summary>
    private const string BrowserEncodings = "gzip, deflate, br, zstd";

    [Theory, BothProviders]
    public async Task A_browser_gets_the_stored_copy_compressed_and_others_get_it_plain(DatabaseProvider provider)
    {
        var counter = new CommandCounter();
        await using var app = await TestApp.StartAsync(provider, configureServices: services => services.AddSingleton<IInterceptor>(counter));

        foreach (var path in new[] { "/indicators/2021", "/statistics/2021", "/api/v1/years/2021/indicators" })
        {
            var plain = await GetTextAsync(app.Client, path);
            var (brotliEncoding, brotli) = await GetEncodedAsync(app.Client, path, BrowserEncodings);
            var (gzipEncoding, gzip) = await GetEncodedAsync(app.Client, path, "gzip");
            counter.Reset();
            var (againEncoding, again) = await GetEncodedAsync(app.Client, path, BrowserEncodings);
            var plainAgain = await GetTextAsync(app.Client, path);

            brotliEncoding.ShouldBe("br", path);
            gzipEncoding.ShouldBe("gzip", path);
            againEncoding.ShouldBe("br", path);
            brotli.ShouldBe(plain, path);
            gzip.ShouldBe(plain, path);
            again.ShouldBe(plain, path);
            plainAgain.ShouldBe(plain, path);
            counter.Count.ShouldBe(0, $"{path}: the compressed and plain copies are both stored");
        }
    }

    [Theory, BothProviders]
    public async Task Staff_answers_exports_and_uncached_answers_are_never_compressed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var staff = await app.SignedInAsync(StaffRole.Viewer);

        (await GetEncodedAsync(staff.Client, "/indicators/2021", BrowserEncodings)).Encoding.ShouldBeNull("a signed-in page holds tokens and drafts");
        (await GetEncodedAsync(staff.Client, app.Url.Staff, BrowserEncodings)).Encoding.ShouldBeNull();
        (await GetEncodedAsync(app.Client, "/export/2021/indicators.csv", BrowserEncodings)).Encoding.ShouldBeNull("exports stream uncompressed");
        (await GetEncodedAsync(app.Client, app.Url.SignIn, BrowserEncodings)).Encoding.ShouldBeNull("the sign-in form holds an antiforgery token");
        (await GetEncodedAsync(app.Client, "/health/live", BrowserEncodings)).Encoding.ShouldBeNull();
        (await GetEncodedAsync(app.Client, "/indicators/2021?culture=zh-Hans", BrowserEncodings)).Encoding.ShouldBeNull("an answer that sets the language cookie is not stored");
    }

    [Theory, BothProviders]
    public async Task Plain_and_compressed_copies_both_say_they_vary_by_accept_encoding(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        foreach (var acceptEncoding in new[] { "identity", BrowserEncodings, "identity" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/indicators/2021");
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            using var response = await app.Client.SendAsync(request);

            response.Headers.Vary.Count(v => v.Equals("Accept-Encoding", StringComparison.OrdinalIgnoreCase))
                .ShouldBe(1, $"a shared cache in front must keep the copies apart ({acceptEncoding})");
        }
    }

    [Theory, BothProviders]
    public async Task With_the_cache_switched_off_nothing_is_compressed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string> { ["Performance:OutputCache"] = "false" });

        (await GetEncodedAsync(app.Client, "/indicators/2021", BrowserEncodings)).Encoding.ShouldBeNull();
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br", "br")]
    [InlineData("GZIP", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("gzip;q=0.8, br;q=0.5", "gzip")]
    [InlineData("gzip;q=0.5, br;q=0.5", "br")]
    [InlineData("*", "br")]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("*;q=0", null)]
    [InlineData("identity", null)]
    [InlineData("deflate, zstd", null)]
    [InlineData("", null)]
    [InlineData("gzip;q=abc", null)]
    public void The_encoding_follows_the_clients_weights(string acceptEncoding, string? expected) =>
        CachedAnswerCompression.Choose(acceptEncoding).ShouldBe(expected);

    private static async Task<(string? Encoding, string Text)> GetEncodedAsync(HttpClient client, string path, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await client.SendAsync(request);
        ((int)response.StatusCode).ShouldBe(200, path);
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = encoding switch
        {
            "br" => new System.IO.Compression.BrotliStream(body, System.IO.Compression.CompressionMode.Decompress),
            "gzip" => new System.IO.Compression.GZipStream(body, System.IO.Compression.CompressionMode.Decompress),
            null => body,
            _ => throw new InvalidOperationException($"{path}: unexpected encoding {encoding}"),
        };
        using var reader = new StreamReader(decoded);
        return (encoding, await reader.ReadToEndAsync());
    }

    private static async Task<byte[]> GetBytesAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        ((int)response.StatusCode).ShouldBe(200, path);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<string> GetTextAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        ((int)response.StatusCode).ShouldBe(200, path);
        return await response.Content.ReadAsStringAsync();
    }
}
