using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UnvReporting.Domain;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Sources;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.BrowserTests.Support;

/// <summary>Staff accounts and a draft year for browser tests, and signing in through the real page.</summary>
public static class StaffSetup
{
    public const string Password = "correct horse battery staple";

    public static string EmailFor(StaffRole role) => $"{role.ToString().ToLowerInvariant()}@unv.test";

    public static async Task CreateUserAsync(this AppInBrowser session, StaffRole role)
    {
        await using var scope = session.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = EmailFor(role), Email = EmailFor(role), EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role.ToString())).Succeeded.ShouldBeTrue();
    }

    /// <summary>Year 2020 of the 2018-2021 framework as a draft holding indicator 1.1 (a share: milestone 50, result 40).</summary>
    public static Task AddDraft2020Async(this AppInBrowser session) =>
        session.Services.SaveAsync(async db =>
        {
            var framework = await db.Frameworks.SingleAsync(f => f.Code == "2018-2021");
            var indicator = await db.Indicators.SingleAsync(i => i.FrameworkId == framework.Id && i.Key == "1.1");
            db.ReportingYears.Add(new ReportingYear(framework, 2020, ReportingStatus.Draft, null, null));
            db.IndicatorYears.Add(new IndicatorYear(
                indicator, 2020, "1.1", new IndicatorDefinition("Share of partners satisfied with UNV", "对联合国志愿人员方案满意的伙伴比例", Unit.Percent, false, Direction.HigherIsBetter),
                50, 40, SourceReference.EnteredHere));
        });

    public static Task SignInAsync(this AppInBrowser session, StaffRole role) => session.SignInAsync(role, session.Page);

    /// <summary>Signs in through the real page in the given window (<see cref="AppInBrowser.NewWindowAsync"/>).</summary>
    public static async Task SignInAsync(this AppInBrowser session, StaffRole role, IPage window)
    {
        await session.OpenAsync(window, session.Url.SignIn);
        await window.GetByLabel("E-mail address").FillAsync(EmailFor(role));
        await window.GetByLabel("Password").FillAsync(Password);
        await window.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await window.WaitForURLAsync("**" + session.Url.Staff);
    }

    public static async Task SignOutAsync(this AppInBrowser session)
    {
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await session.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
    }
}
