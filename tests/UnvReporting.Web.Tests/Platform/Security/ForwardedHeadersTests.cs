using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Security;

/// <summary>
/// Behind a reverse proxy that ends TLS: the scheme the proxy reports is believed only when the
/// setting is on and the request comes from a listed proxy. What shows it is the sign-in page with
/// HTTPS-only cookies: over what the app takes for HTTPS it shows its form, over plain HTTP it
/// explains instead (redirects name no scheme: they are relative). The app runs on real Kestrel so
/// that requests come from a real loopback address.
/// </summary>
public class ForwardedHeadersTests
{
    private const string Loopback = "127.0.0.0/8";
    private const string Loopback6 = "::1/128";

    [Fact]
    public async Task From_a_listed_proxy_the_forwarded_scheme_is_believed()
    {
        var seenAsHttps = await SeenAsHttpsAsync(new()
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:KnownNetworks:0"] = Loopback,
            ["ForwardedHeaders:KnownNetworks:1"] = Loopback6,
        });

        seenAsHttps.ShouldBeTrue();
    }

    [Fact]
    public async Task From_any_other_address_the_forwarded_scheme_is_ignored()
    {
        var seenAsHttps = await SeenAsHttpsAsync(new()
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:KnownProxies:0"] = "192.0.2.10",
        });

        seenAsHttps.ShouldBeFalse();
    }

    [Fact]
    public async Task Without_the_setting_the_forwarded_scheme_is_ignored_even_from_loopback()
    {
        var seenAsHttps = await SeenAsHttpsAsync([]);

        seenAsHttps.ShouldBeFalse();
    }

    [Theory]
    [InlineData("KnownProxies", "proxy.example.org", "ForwardedHeaders:KnownProxies must hold IP addresses (got 'proxy.example.org').")]
    [InlineData("KnownNetworks", "10.0.0.0/33", "ForwardedHeaders:KnownNetworks must hold networks such as 10.0.0.0/24 (got '10.0.0.0/33').")]
    public async Task A_mistyped_proxy_stops_start_up_with_a_clear_message(string setting, string value, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new UnvAppFactory(database, new Dictionary<string, string>
        {
            ["ForwardedHeaders:Enabled"] = "true",
            [$"ForwardedHeaders:{setting}:0"] = value,
        });

        Should.Throw<InvalidOperationException>(() => factory.Services).Message.ShouldBe(message);
    }

    /// <summary>Asks for the sign-in page through a proxy that says the client used https: true when the page shows its form.</summary>
    private static async Task<bool> SeenAsHttpsAsync(Dictionary<string, string> settings)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new UnvAppFactory(database, new Dictionary<string, string>(settings) { ["Cookies:HttpsOnly"] = "true" });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = factory.StartKestrel() };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(200);
        var page = await Html.ParseAsync(response);
        (page.QuerySelector("#needs-https") is null).ShouldBe(page.QuerySelector("form[method=post]") is not null, "the page shows either the form or the explanation");
        return page.QuerySelector("form[method=post]") is not null;
    }
}
