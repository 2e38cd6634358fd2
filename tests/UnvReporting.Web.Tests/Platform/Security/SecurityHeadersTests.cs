using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Security;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Security;

public class SecurityHeadersTests
{
    /// <summary>One address of each kind of answer the app gives.</summary>
    public static TheoryData<DatabaseProvider, string, int> Answers()
    {
        var data = new TheoryData<DatabaseProvider, string, int>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            data.Add(provider, "/", 200);                                   // a page
            data.Add(provider, "/indicators/2021", 200);                    // a page with a chart
            data.Add(provider, "/no/such/page", 404);                       // the friendly error page
            data.Add(provider, "/staff", 302);                              // a redirect to sign in
            data.Add(provider, "/test/fail", 500);                          // an exception, through the exception handler
            data.Add(provider, "/js/charts.js", 200);                       // a static file
            data.Add(provider, "/api/v1/years", 200);                       // the API
            data.Add(provider, "/api/v1/years/2030/summary", 404);          // an API problem
            data.Add(provider, "/api/v1/years/2021/indicators/1.1/history", 401); // the staff API refusing
            data.Add(provider, "/export/2021/indicators.csv", 200);         // a download
            data.Add(provider, "/openapi/v1.json", 200);
            data.Add(provider, "/api/reference", 200);                      // a page under /api
            data.Add(provider, "/health/live", 200);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Every_kind_of_answer_carries_the_security_headers(DatabaseProvider provider, string address, int status)
    {
        await using var app = await TestApp.StartAsync(provider, configureServices: AddFailingEndpoint);

        using var response = await app.Client.GetAsync(address);

        ((int)response.StatusCode).ShouldBe(status, address);
        Header(response, "Content-Security-Policy").ShouldBe(SecurityHeaders.ContentSecurityPolicy);
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "Referrer-Policy").ShouldBe("strict-origin-when-cross-origin");
        Header(response, "Permissions-Policy").ShouldBe(SecurityHeaders.PermissionsPolicy);
        Header(response, "Cross-Origin-Opener-Policy").ShouldBe("same-origin");
    }

    [Fact]
    public void The_policy_allows_no_inline_script_or_style_and_no_framing()
    {
        var directives = SecurityHeaders.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

        directives["default-src"].ShouldBe("'self'");
        directives["script-src"].ShouldBe("'self'");
        directives["style-src"].ShouldBe("'self'");
        directives["object-src"].ShouldBe("'none'");
        directives["base-uri"].ShouldBe("'none'");
        directives["form-action"].ShouldBe("'self'");
        directives["frame-ancestors"].ShouldBe("'none'");
        SecurityHeaders.ContentSecurityPolicy.ShouldNotContain("unsafe");
    }

    [Theory, BothProviders]
    public async Task Https_answers_in_production_carry_hsts(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Factory.CreateClient(new() { BaseAddress = new Uri("https://dashboard.unv.test"), AllowAutoRedirect = false });

        using var response = await client.GetAsync("/");

        Header(response, "Strict-Transport-Security").ShouldBe("max-age=31536000; includeSubDomains");
    }

    [Fact]
    public async Task Kestrel_does_not_name_itself()
    {
        // The test server sends no Server header of its own: only the real Kestrel shows it.
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new UnvAppFactory(database);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = factory.StartKestrel() };

        foreach (var address in new[] { "/", "/no/such/page", "/api/v1/years", "/js/charts.js", "/health/live", "/staff" })
        {
            using var response = await client.GetAsync(address);

            response.Headers.Server.ShouldBeEmpty(address);
        }
    }

    [Theory]
    [InlineData("TRACE")]
    [InlineData("TRACK")]
    public async Task Trace_and_track_are_refused_with_405_at_every_address(string method)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var signedIn = await app.SignedInAsync(UnvReporting.Domain.Staff.StaffRole.Admin);
        var staff = signedIn.Client;

        // A page, a page with a handler, an unknown address, the API, a download, a static file, a
        // probe, staff pages (as a visitor and signed in) and a form's address.
        foreach (var (client, address) in new[]
        {
            (app.Client, "/"), (app.Client, "/statistics/2021?handler=Csv&chart=entities"), (app.Client, "/no/such/page"),
            (app.Client, "/api/v1/years"), (app.Client, "/export/2021/indicators.csv"), (app.Client, "/js/charts.js"),
            (app.Client, "/health/ready"), (app.Client, "/staff"), (staff, "/staff"), (staff, "/account/sign-in"),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), address);
            request.Headers.Add("X-Probe", "echo-me");

            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            ((int)response.StatusCode).ShouldBe(405, $"{method} {address}");
            Header(response, "Allow").ShouldBe("GET, HEAD, POST, PUT");
            Header(response, "Content-Security-Policy").ShouldBe(SecurityHeaders.ContentSecurityPolicy);
            body.ShouldNotContain("echo-me");
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    private static void AddFailingEndpoint(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter, FailingEndpointFilter>();

    // Runs after the app's own pipeline, so the exception handler clears the failed response first.
    private sealed class FailingEndpointFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test/fail", branch => branch.Run(_ => throw new InvalidOperationException("failure for the test")));
        };
    }
}
