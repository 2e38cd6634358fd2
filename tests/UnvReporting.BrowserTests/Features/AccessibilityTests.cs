using UnvReporting.BrowserTests.Support;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.BrowserTests.Features;

public class AccessibilityTests
{
    // Every kind of page, the year with flags, a search that finds nothing and the Chinese interface; last, because its
    // ?culture= sets the language cookie for whatever this browser opens next.
    private static readonly string[] Pages =
    [
        "/",
        "/indicators/2019",
        "/indicators/2021",
        "/indicators/2021?q=zebra",
        "/indicators/2021/1.2",
        "/about/scoring",
        "/statistics/2021",
        "/statistics/2019",
        "/statistics/trends?metric=women_share&series=region:Africa",
        "/statistics/compare?a=2019&b=2021",
        "/indicators/2019?culture=zh-Hans",
    ];

    // The staff pages, as an Admin sees them (every link and control shown).
    private static string[] StaffPages(AppUrls url) =>
    [
        url.Staff,
        url.StaffYear(2020),
        url.StaffYear(2021),
        "/indicators/2020/1.1",
    ];

    [Fact]
    public async Task No_page_has_a_serious_or_critical_accessibility_violation()
    {
        // The markup and colours are the same on both databases; one run of the app covers them.
        await using var session = await AppInBrowser.StartAsync(DatabaseProvider.Sqlite, injectsScripts: true);

        var found = new List<string>();
        foreach (var path in Pages)
        {
            await session.OpenAsync(path);
            var violations = await Axe.SeriousViolationsAsync(session.Page);
            if (violations.Count > 0)
            {
                found.Add(Axe.Describe(path, violations));
            }
        }

        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
        session.Failures.All.ShouldBeEmpty();
    }

    [Fact]
    public async Task No_staff_page_has_a_serious_or_critical_accessibility_violation()
    {
        await using var session = await AppInBrowser.StartAsync(DatabaseProvider.Sqlite, injectsScripts: true);
        await session.AddDraft2020Async();
        await session.CreateUserAsync(StaffRole.Admin);
        await session.OpenAsync(session.Url.SignIn);
        var found = new List<string>();
        await CheckAsync(session, session.Url.SignIn, found);
        await session.SignInAsync(StaffRole.Admin);

        foreach (var path in StaffPages(session.Url))
        {
            await session.OpenAsync(path);
            await CheckAsync(session, path, found);
        }

        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
        session.Failures.All.ShouldBeEmpty();
    }

    private static async Task CheckAsync(AppInBrowser session, string path, List<string> found)
    {
        var violations = await Axe.SeriousViolationsAsync(session.Page);
        if (violations.Count > 0)
        {
            found.Add(Axe.Describe(path, violations));
        }
    }
}
