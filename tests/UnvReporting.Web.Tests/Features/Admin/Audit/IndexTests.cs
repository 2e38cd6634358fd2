using UnvReporting.Domain.Auditing;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Admin.Audit;

public class IndexTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>60 changes by one editor to 2021 1.2, one a minute, and 5 by an approver to 2019 2.2 on the next day.</summary>
    private static async Task AddEntriesAsync(TestApp app)
    {
        await using var scope = app.CreateDbScope();
        for (var i = 0; i < 60; i++)
        {
            scope.Db.AuditEntries.Add(new AuditEntry(Start.AddMinutes(i), null, "Editor.One@unv.test", AuditAction.Changed, "indicator-year", "2021 1.2", 2021, "1.2", "Result", $"{i}", $"{i + 1}", null));
        }

        for (var i = 0; i < 5; i++)
        {
            scope.Db.AuditEntries.Add(new AuditEntry(Start.AddDays(1).AddMinutes(i), null, "approver.two@unv.test", AuditAction.Changed, "indicator-year", "2019 2.2", 2019, "2.2", "Result", "1", "2", "Typo"));
        }

        await scope.Db.SaveChangesAsync();
    }

    [Theory, BothProviders]
    public async Task Filters_return_only_matching_entries(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddEntriesAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        var byYearAndKey = await admin.GetDocumentAsync(app.Url.Audit(new { year = 2019, key = "2.2", subject = "indicator-year" }));
        var byUser = await admin.GetDocumentAsync(app.Url.Audit(new { user = "APPROVER" }));
        var byDate = await admin.GetDocumentAsync(app.Url.Audit(new { from = "2026-03-02" }));
        var beforeThat = await admin.GetDocumentAsync(app.Url.Audit(new { to = "2026-03-01", user = "unv.test" }));

        foreach (var page in new[] { byYearAndKey, byUser, byDate })
        {
            var rows = page.QuerySelectorAll("#audit tbody tr");
            rows.Length.ShouldBe(5);
            rows.ShouldAllBe(r => r.TextContent.Contains("approver.two@unv.test") && r.TextContent.Contains("2019 2.2"));
        }

        byUser.QuerySelector("#audit tbody tr")!.TextContent.ShouldContain("2026-03-02 09:04:00");
        beforeThat.QuerySelectorAll("#audit tbody tr").Length.ShouldBe(50, "the first page of the editor's 60 entries of 1 March");
        beforeThat.QuerySelector("#audit tbody tr")!.TextContent.ShouldContain("Editor.One@unv.test");
    }

    [Theory, BothProviders]
    public async Task Pages_hold_fifty_entries_newest_first(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddEntriesAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        var first = await admin.GetDocumentAsync(app.Url.Audit(new { user = "editor.one" }));
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await admin.GetDocumentAsync(next);

        first.QuerySelectorAll("#audit tbody tr").Length.ShouldBe(50);
        first.QuerySelector("#audit tbody tr")!.TextContent.ShouldContain("59 → 60");
        next.ShouldBe(app.Url.Audit(new { user = "editor.one" }) + "&page=2");
        var rest = second.QuerySelectorAll("#audit tbody tr");
        rest.Length.ShouldBe(10);
        rest.Last().TextContent.ShouldContain("0 → 1");
        second.QuerySelector("a[rel=next]").ShouldBeNull();
        second.QuerySelector("a[rel=prev]")!.GetAttribute("href").ShouldBe(app.Url.Audit(new { user = "editor.one" }) + "&page=1");
    }

    [Theory, BothProviders]
    public async Task Bad_filters_get_messages_next_to_their_fields(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        var page = await admin.GetDocumentAsync(app.Url.Audit(new { year = 99999, key = "not-a-key", from = "2026-03-05", to = "2026-03-01", subject = "nonsense" }));

        page.QuerySelector("#year-error")!.TextContent.ShouldBe("A year is between 1970 and 2200.");
        page.QuerySelector("#key-error")!.TextContent.ShouldContain("is not an indicator key");
        page.QuerySelector("#to-error")!.TextContent.ShouldBe("The end date must be on or after the start date.");
        page.QuerySelector("#subject-error")!.TextContent.ShouldBe("Choose a subject from the list.");
        page.QuerySelectorAll("#audit tbody tr").Length.ShouldBe(0);
    }

    [Fact]
    public async Task The_last_possible_date_gets_a_message_not_an_error_page()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        var page = await admin.GetDocumentAsync(app.Url.Audit(new { to = "9999-12-31" }));

        page.QuerySelector("#to-error")!.TextContent.ShouldBe("Choose an end date before 9999-12-31.");
    }
}
