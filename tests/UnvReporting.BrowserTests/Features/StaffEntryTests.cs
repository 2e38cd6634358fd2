using Microsoft.Playwright;
using UnvReporting.BrowserTests.Support;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.BrowserTests.Features;

public class StaffEntryTests
{
    [Theory, BothProviders]
    public async Task An_editor_enters_a_result_and_sees_the_colour_change_then_an_approver_publishes_and_the_public_sees_it(DatabaseProvider provider)
    {
        await using var session = await AppInBrowser.StartAsync(provider);
        await session.AddDraft2020Async();
        await session.CreateUserAsync(StaffRole.Editor);
        await session.CreateUserAsync(StaffRole.Approver);
        var page = session.Page;

        await session.SignInAsync(StaffRole.Editor);
        await session.OpenAsync(session.Url.StaffYear(2020));
        var row = page.Locator("tbody.entry-row[data-key='1.1']");
        (await row.Locator(".entry-score").InnerTextAsync()).ShouldContain("80%");

        // Typing asks the server for the score: 55 of a milestone of 50 is 110%, green.
        await row.Locator(".entry-result").FillAsync("55%");
        await page.WaitForSelectorAsync("tbody.entry-row[data-key='1.1'][data-rating='green']");
        (await row.Locator(".score-value").InnerTextAsync()).ShouldBe("110%");
        (await row.Locator(".rating").InnerTextAsync()).ShouldContain("Green");
        await row.Locator(".entry-result").FillAsync("5x");
        await page.WaitForSelectorAsync("tbody.entry-row[data-key='1.1'][data-rating='grey']");
        (await page.Locator("#row-1-1-result-error").InnerTextAsync()).ShouldStartWith("Result: '5x' is not a number");
        await row.Locator(".entry-result").FillAsync("55%");
        await page.WaitForSelectorAsync("tbody.entry-row[data-key='1.1'][data-rating='green']");
        await Browser.SaveScreenshotAsync(page, "staff-entry");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await page.WaitForSelectorAsync(".alert-success");
        (await page.Locator(".alert-success").InnerTextAsync()).ShouldBe("Saved 1 indicator.");

        await session.OpenAsync(session.Url.Staff);
        await page.Locator("tr[data-year='2020']").GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await page.WaitForSelectorAsync("tr[data-year='2020'] [data-status='Submitted']");
        await session.SignOutAsync();

        await session.SignInAsync(StaffRole.Approver);
        await Browser.SaveScreenshotAsync(page, "staff-home");
        await page.Locator("tr[data-year='2020']").GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await page.WaitForSelectorAsync("tr[data-year='2020'] [data-status='Published']");
        await session.SignOutAsync();

        await session.OpenAsync("/indicators/2020");
        var published = page.Locator("tr.indicator-row[data-key='1.1']");
        (await published.GetAttributeAsync("data-rating")).ShouldBe("green");
        (await published.InnerTextAsync()).ShouldContain("55%");
        session.Failures.All.ShouldBeEmpty();
    }
}
