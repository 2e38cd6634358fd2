using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features;

public class ErrorTests
{
    private const string Secret = "secret detail of the failure";

    [Fact]
    public async Task An_unknown_address_gets_a_friendly_not_found_page()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        var page = await app.Client.GetDocumentAsync("/no/such/page", expectedStatus: 404);

        page.QuerySelector("h1")!.Text().ShouldBe("Page not found");
        page.QuerySelector("a[href='/']").ShouldNotBeNull();
    }

    [Fact]
    public async Task In_production_a_failure_shows_a_friendly_page_without_the_stack_trace()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, configureServices: AddFailingEndpoint);

        var response = await app.Client.GetAsync("/test/fail");
        var body = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).ShouldBe(500);
        body.ShouldContain("Something went wrong");
        body.ShouldContain("give this reference to the UNV team");
        body.ShouldNotContain(Secret);
        body.ShouldNotContain("InvalidOperationException");
        body.ShouldNotContain("at UnvReporting");
    }

    [Fact]
    public async Task In_development_a_failure_shows_the_developer_page()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, environment: "Development", configureServices: AddFailingEndpoint);

        var response = await app.Client.GetAsync("/test/fail");

        ((int)response.StatusCode).ShouldBe(500);
        (await response.Content.ReadAsStringAsync()).ShouldContain(Secret);
    }

    private static void AddFailingEndpoint(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter, FailingEndpointFilter>();

    // Runs after the app's own pipeline, so the app's error handling sees the exception.
    private sealed class FailingEndpointFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test/fail", branch => branch.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }
}
