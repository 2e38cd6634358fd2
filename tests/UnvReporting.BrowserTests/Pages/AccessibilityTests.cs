using UnvReporting.BrowserTests.Support;
using UnvReporting.Web.Data;

namespace UnvReporting.BrowserTests.Pages;

public class AccessibilityTests
{
    // Every kind of page, the year with flags and the Chinese interface; last, because its
    // ?culture= sets the language cookie for whatever this browser opens next.
    private static readonly string[] Pages =
    [
        "/",
        "/indicators/2019",
        "/indicators/2021",
        "/indicators/2021/1.2",
        "/about/scoring",
        "/indicators/2019?culture=zh-Hans",
    ];

    [Fact]
    public async Task No_page_has_a_serious_or_critical_accessibility_violation()
    {
        // The markup and colours are the same on both databases; one run of the app covers them.
        await using var session = await AppInBrowser.StartAsync(DatabaseProvider.Sqlite);

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
}
