using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Hosting;

public class AdminBootstrapTests
{
    private const string Email = "first.admin@unv.test";
    private const string Password = "a long bootstrap passphrase";

    private static readonly Dictionary<string, string> Bootstrap = new()
    {
        ["Bootstrap:AdminEmail"] = Email,
        ["Bootstrap:AdminPassword"] = Password,
    };

    private static async Task<IList<StaffUser>> AdminsAsync(UnvAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().GetUsersInRoleAsync(nameof(StaffRole.Admin));
    }

    [Theory, BothProviders]
    public async Task The_first_admin_comes_from_configuration_and_can_sign_in(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, Bootstrap);
        using var client = app.Visitor();

        (await AdminsAsync(app.Factory)).Select(u => u.Email).ShouldBe([Email]);
        (await client.SignInAsync(Email, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetDocumentAsync(app.Url.Staff)).QuerySelector("[data-role]")!.GetAttribute("data-role").ShouldBe("Admin");
    }

    [Theory, BothProviders]
    public async Task Once_an_admin_exists_the_configuration_creates_no_other(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateUserAsync(StaffRole.Admin);

        await using var restarted = new UnvAppFactory(app.Database, Bootstrap);

        (await AdminsAsync(restarted)).Select(u => u.Email).ShouldBe([StaffAccounts.EmailFor(StaffRole.Admin)]);
    }

    [Fact]
    public async Task Without_configuration_there_are_roles_but_no_accounts()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await using var scope = app.Factory.Services.CreateAsyncScope();

        scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().Users.ShouldBeEmpty();
        scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().Roles.Select(r => r.Name).OrderBy(n => n)
            .ShouldBe(["Admin", "Approver", "Editor", "Viewer"]);
    }

    [Theory, BothProviders]
    public async Task The_create_admin_command_reads_the_password_from_standard_input(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var tooShort = await RunAsync(database, "admin@unv.test", "short");
        var common = await RunAsync(database, "admin@unv.test", "password1234");
        var created = await RunAsync(database, "admin@unv.test", "a passphrase of some length");

        tooShort.ExitCode.ShouldBe(1, tooShort.Output);
        tooShort.Output.ShouldContain("Passwords must be at least 12 characters.");
        common.ExitCode.ShouldBe(1, common.Output);
        common.Output.ShouldContain(Features.Account.PasswordTests.Guessable);
        created.ExitCode.ShouldBe(0, created.Output);
        created.Output.ShouldNotContain("a passphrase of some length");
        await using var app = new UnvAppFactory(database);
        using var client = StaffBrowser.Open(app);
        (await client.SignInAsync("admin@unv.test", "a passphrase of some length")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static Task<(int ExitCode, string Output)> RunAsync(TestDatabase database, string email, string password) =>
        AppCommand.RunAsync(["create-admin", email], database.Settings, input: password);
}
