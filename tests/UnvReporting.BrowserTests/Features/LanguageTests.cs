using UnvReporting.BrowserTests.Support;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.BrowserTests.Features;

public class LanguageTests
{
    [Theory, BothProviders]
    public async Task Choosing_Chinese_shows_the_published_Chinese_titles_and_the_choice_stays_for_the_next_page(DatabaseProvider provider)
    {
        await using var session = await AppInBrowser.StartAsync(provider);
        var page = session.Page;
        await session.OpenAsync("/indicators/2019");

        await page.Locator("a[data-culture='zh-Hans']").ClickAsync();
        await page.WaitForURLAsync("**/indicators/2019?culture=zh-Hans");

        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("zh-Hans");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("2019年成果");
        // The title as the Chinese edition of DP/2020/14 prints it (reference data).
        (await page.Locator("tr[data-key='2.1.1a'] td").First.InnerTextAsync()).ShouldStartWith("通过联合国志愿人员组织参加志愿服务的月数(现场)");
        await Browser.SaveScreenshotAsync(page, "indicators-2019-zh");

        // The table's links carry no language: the cookie the switcher set keeps the choice.
        (await page.Context.CookiesAsync()).ShouldContain(c => c.Name == ".AspNetCore.Culture" && c.Value.Contains("zh-Hans", StringComparison.Ordinal));
        await page.Locator("tr[data-key='2.1.1a'] th a").ClickAsync();
        await page.WaitForURLAsync("**/indicators/2019/2.1.1a");

        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("zh-Hans");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("通过联合国志愿人员组织参加志愿服务的月数(现场)");
        session.Failures.All.ShouldBeEmpty();
    }
}
