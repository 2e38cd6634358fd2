using System.Net;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Features.Admin;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Security;

/// <summary>
/// A cookie or token whose account was disabled or whose password changed is no credential at all:
/// the API answers 401 with a bearer challenge and pages send the reader to sign in, as for a
/// visitor, rather than 403, which would say "you, known, may not".
/// </summary>
public class RevokedCredentialsTests
{
    private const string History = "/api/v1/years/2021/indicators/1.1/history";

    [Theory, BothProviders]
    public async Task A_disabled_accounts_cookie_goes_to_sign_in_and_its_token_gets_401(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        var token = await TokenAsync(app, StaffRole.Editor);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        await admin.PostFormAsync("/admin/users?handler=Disable",
            new Dictionary<string, string> { ["id"] = await app.AccountIdAsync(StaffAccounts.EmailFor(StaffRole.Editor)), ["disable"] = "true" },
            pagePath: "/admin/users");

        ShouldBeSentToSignIn(await editor.GetAsync("/staff"));
        ShouldBeSentToSignIn(await editor.GetAsync("/account/password"));
        await ShouldBeChallengedAsync(await app.GetAsync(History, token));
    }

    [Theory, BothProviders]
    public async Task After_a_password_change_the_other_sessions_go_to_sign_in_and_old_tokens_get_401(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var elsewhere = await app.SignedInAsync(StaffRole.Viewer);
        var token = await TokenAsync(app, StaffRole.Viewer);
        using var here = await app.SignedInAsync(StaffAccounts.EmailFor(StaffRole.Viewer));

        var changed = await here.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = StaffAccounts.Password,
            ["Input.NewPassword"] = "a brand new passphrase for me",
            ["Input.ConfirmPassword"] = "a brand new passphrase for me",
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await here.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK, "the session that changed it stays");
        ShouldBeSentToSignIn(await elsewhere.GetAsync("/staff"));
        await ShouldBeChallengedAsync(await app.GetAsync(History, token));
    }

    private static async Task<string> TokenAsync(TestApp app, StaffRole role)
    {
        var response = await app.RequestTokenAsync(StaffAccounts.EmailFor(role), StaffAccounts.Password);
        return (await response.JsonAsync(200)).GetProperty("accessToken").GetString()!;
    }

    private static void ShouldBeSentToSignIn(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location()!.ShouldStartWith("/account/sign-in");
    }

    private static async Task ShouldBeChallengedAsync(HttpResponseMessage response)
    {
        await response.ShouldBeProblemAsync(401);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
    }
}
