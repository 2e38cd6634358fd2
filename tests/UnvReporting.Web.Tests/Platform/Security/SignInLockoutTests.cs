using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Security;

/// <summary>
/// Failed sign-ins lock an account for the client network they come from, not everywhere, so a
/// stranger cannot lock staff out (docs/security.md, "Signing in"). Clients are told apart by the
/// address a trusted proxy forwards, so the app runs on real Kestrel behind loopback as its proxy.
/// </summary>
public class SignInLockoutTests
{
    private const string WrongPassword = "not the password at all";

    private static readonly Dictionary<string, string> BehindProxy = new() { ["ForwardedHeaders:Enabled"] = "true" };

    [Theory, BothProviders]
    public async Task A_strangers_five_failures_from_one_address_do_not_lock_out_the_owner_at_another(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new UnvAppFactory(database, BehindProxy);
        using var client = Kestrel(app);
        var email = await CreateUserAsync(app, StaffRole.Admin);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            (await TokenAsync(client, "203.0.113.7", email, WrongPassword)).ShouldBe(HttpStatusCode.Unauthorized);
        }

        // Another instance on the same database: the lockout is in the database, not in memory.
        await using var other = new UnvAppFactory(database, BehindProxy);
        using var otherClient = Kestrel(other);

        (await TokenAsync(otherClient, "203.0.113.7", email, StaffAccounts.Password)).ShouldBe(HttpStatusCode.Unauthorized, "locked for the stranger's address");
        (await TokenAsync(otherClient, "198.51.100.20", email, StaffAccounts.Password)).ShouldBe(HttpStatusCode.OK, "the owner signs in from their own");
    }

    [Theory, BothProviders]
    public async Task Addresses_of_one_IPv6_64_network_share_a_lockout(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new UnvAppFactory(database, BehindProxy);
        using var client = Kestrel(app);
        var email = await CreateUserAsync(app, StaffRole.Editor);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            (await TokenAsync(client, $"2001:db8:1:2::{attempt}", email, WrongPassword)).ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await TokenAsync(client, "2001:db8:1:2:ffff:ffff:ffff:ffff", email, StaffAccounts.Password)).ShouldBe(HttpStatusCode.Unauthorized, "same /64");
        (await TokenAsync(client, "2001:db8:1:3::1", email, StaffAccounts.Password)).ShouldBe(HttpStatusCode.OK, "another /64");
    }

    [Theory, BothProviders]
    public async Task Addresses_of_one_IPv6_64_network_share_the_sign_in_rate_limit(DatabaseProvider provider)
    {
        var settings = new Dictionary<string, string>(BehindProxy) { ["RateLimits:SignInPerMinute"] = "3" };
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new UnvAppFactory(database, settings);
        using var client = Kestrel(app);
        for (var host = 1; host <= 3; host++)
        {
            (await TokenAsync(client, $"2001:db8:5:6::{host}", "nobody@unv.test", WrongPassword)).ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await TokenAsync(client, "2001:db8:5:6::99", "nobody@unv.test", WrongPassword)).ShouldBe(HttpStatusCode.TooManyRequests, "rotating within the /64 gains nothing");
        (await TokenAsync(client, "2001:db8:5:7::1", "nobody@unv.test", WrongPassword)).ShouldBe(HttpStatusCode.Unauthorized, "another /64 has its own budget");
        (await TokenAsync(client, "198.51.100.1", "nobody@unv.test", WrongPassword)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, BothProviders]
    public async Task An_admins_unlock_clears_the_lockout_of_every_address(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new UnvAppFactory(database, BehindProxy);
        using var client = Kestrel(app);
        var email = await CreateUserAsync(app, StaffRole.Editor);
        using var admin = new StaffBrowser(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = client.BaseAddress }, new AppUrls(app.Services));
        (await admin.SignInAsync(await CreateUserAsync(app, StaffRole.Admin), StaffAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await TokenAsync(client, "203.0.113.7", email, WrongPassword);
        }

        var list = await admin.GetDocumentAsync("/admin/users");
        list.QuerySelector($"tr[data-email='{email}'] [data-state]")!.TextContent.ShouldContain("Locked out until");
        await admin.PostFormAsync("/admin/users?handler=Unlock", new Dictionary<string, string> { ["id"] = await AccountIdAsync(app, email) }, pagePath: "/admin/users");

        (await TokenAsync(client, "203.0.113.7", email, StaffAccounts.Password)).ShouldBe(HttpStatusCode.OK);
    }

    private static HttpClient Kestrel(UnvAppFactory factory) => new() { BaseAddress = factory.StartKestrel() };

    private static async Task<string> CreateUserAsync(UnvAppFactory app, StaffRole role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = StaffAccounts.EmailFor(role);
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        (await users.CreateAsync(user, StaffAccounts.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role.ToString())).Succeeded.ShouldBeTrue();
        return email;
    }

    private static async Task<string> AccountIdAsync(UnvAppFactory app, string email)
    {
        await using var scope = app.CreateDbScope();
        return await scope.Db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Asks for a token as a client at <paramref name="address"/> would, through the proxy (loopback).</summary>
    private static async Task<HttpStatusCode> TokenAsync(HttpClient client, string address, string email, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add("X-Forwarded-For", address);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
