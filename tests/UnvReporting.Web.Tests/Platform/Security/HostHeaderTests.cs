using System.Net;
using Microsoft.Extensions.Options;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Security;

/// <summary>
/// The Host header is the client's to write: Production serves only the hosts in
/// <c>AllowedHosts</c>, and no redirect repeats the header, so a forged one cannot send a reader
/// (or a cache) to another site.
/// </summary>
public class HostHeaderTests
{
    private static readonly string[] Redirecting = ["/staff", "/admin/users", "/account/password", "/staff/years/2021/import/template.csv"];

    [Theory]
    [InlineData("*")]
    [InlineData("localhost;*")]
    public async Task Production_does_not_start_while_every_host_is_allowed(string allowedHosts)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new UnvAppFactory(database, new Dictionary<string, string> { ["AllowedHosts"] = allowedHosts });

        var refused = Should.Throw<OptionsValidationException>(() => factory.CreateClient());

        refused.Message.ShouldContain("AllowedHosts");
        refused.Message.ShouldContain("dashboard.example.org");
    }

    [Theory, BothProviders]
    public async Task In_production_a_request_for_another_host_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var forged = app.Factory.CreateClient(new() { BaseAddress = new Uri("http://evil.example"), AllowAutoRedirect = false });

        foreach (var path in Redirecting.Append("/"))
        {
            using var response = await forged.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, path);
            response.Headers.Location.ShouldBeNull(path);
        }
    }

    [Theory, BothProviders]
    public async Task Where_every_host_is_allowed_redirects_are_relative_and_never_name_the_host(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string> { ["AllowedHosts"] = "*" }, environment: "Development");
        await app.CreateUserAsync(StaffRole.Viewer);
        using var forged = app.Factory.CreateClient(new() { BaseAddress = new Uri("http://evil.example"), AllowAutoRedirect = false, HandleCookies = true });

        var locations = new List<string>();
        foreach (var path in Redirecting)
        {
            using var response = await forged.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            locations.Add(response.Location()!);
        }

        using (var signedIn = await new StaffBrowser(forged, app.Url).SignInAsync(StaffAccounts.EmailFor(StaffRole.Viewer), StaffAccounts.Password))
        {
            locations.Add(signedIn.Location()!);
        }

        locations.ShouldAllBe(location => location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal));
        locations.ShouldNotContain(location => location.Contains("evil.example", StringComparison.OrdinalIgnoreCase));
        locations[0].ShouldBe("/account/sign-in?ReturnUrl=%2Fstaff");
    }
}
