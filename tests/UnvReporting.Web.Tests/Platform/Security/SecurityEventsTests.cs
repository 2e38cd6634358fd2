using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Security;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Security;

public class SecurityEventsTests
{
    [Fact]
    public void Line_breaks_and_other_control_characters_in_user_input_are_escaped()
    {
        SecurityEvents.Clean("eve@x.org\r\n2026-01-01 [INF] Sign-in succeeded for admin@unv.org")
            .ShouldBe("eve@x.org\\u000d\\u000a2026-01-01 [INF] Sign-in succeeded for admin@unv.org");
        SecurityEvents.Clean("a\u2028b\u0085c\u001bd").ShouldBe("a\\u2028b\\u0085c\\u001bd");
    }

    [Fact]
    public void Long_input_is_clipped() =>
        SecurityEvents.Clean(new string('x', 500)).Length.ShouldBe(201);

    [Fact]
    public async Task Sign_in_failures_lockouts_and_successes_are_logged_without_forged_lines()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await app.CreateUserAsync(StaffRole.Editor);
        using var client = app.Visitor();

        // The sign-in form refuses such an address before anything is logged; other callers (an
        // API body, a file name) may not, so the event itself must defuse it.
        app.Factory.Services.GetRequiredService<SecurityEvents>()
            .SignInFailed("forger@unv.test\r\n2026-11-21 [INF] UnvReporting.Security: Sign-in succeeded for admin", "api", "wrong e-mail or password");
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(StaffAccounts.EmailFor(StaffRole.Editor), "wrong password!!");
        }

        await app.CreateUserAsync(StaffRole.Viewer);
        await client.SignInAsync(StaffAccounts.EmailFor(StaffRole.Viewer), StaffAccounts.Password);

        var security = LogFile.ReadLines(app.Database.DataFolder).Where(l => l.Contains(SecurityEvents.Category, StringComparison.Ordinal)).ToList();
        security.ShouldContain(l => l.Contains("Sign-in failed for forger@unv.test\\u000d\\u000a2026-11-21", StringComparison.Ordinal));
        security.ShouldNotContain(l => l.StartsWith("2026-11-21 [INF] UnvReporting.Security: Sign-in succeeded for admin", StringComparison.Ordinal));
        security.ShouldContain(l => l.Contains("[WRN]", StringComparison.Ordinal) && l.Contains("is locked out", StringComparison.Ordinal) && l.Contains(StaffAccounts.EmailFor(StaffRole.Editor), StringComparison.Ordinal));
        security.ShouldContain(l => l.Contains("Sign-in succeeded for viewer@unv.test via page", StringComparison.Ordinal));
    }
}
