using AngleSharp.Dom;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Indicators;

/// <summary>The year table. Tests that only read share one seeded app per provider (<see cref="SeededApps"/>).</summary>
public class YearTests(SeededApps apps) : IClassFixture<SeededApps>
{
    [Theory, BothProviders]
    public async Task Sums_up_the_year_in_a_sentence_beside_the_counts_the_report_states(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var page = await app.Client.GetDocumentAsync("/indicators/2019");

        page.QuerySelector("h1")!.Text().ShouldBe("Results 2019");
        page.QuerySelector(".summary-sentence")!.Text().ShouldBe("Of 14 indicators: 9 green, 5 yellow, 0 red, 0 grey.");
        page.QuerySelector(".stated-summary")!.Text().ShouldBe("As the report states: 9 green, 5 yellow, 0 red, 0 grey (DP/2020/14 para 3).");
        page.QuerySelector("a.framework-link")!.GetAttribute("href").ShouldBe("/frameworks/2018-2021", "the year leads to its framework's progress");
    }

    [Theory, BothProviders]
    public async Task A_year_of_one_indicator_says_indicator_in_the_singular_in_either_language(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var viewer = await app.SignedInAsync(Domain.Staff.StaffRole.Viewer);

        var english = await viewer.GetDocumentAsync($"/indicators/{DraftYear.Year}?culture=en");
        var chinese = await viewer.GetDocumentAsync($"/indicators/{DraftYear.Year}?culture=zh-Hans");

        english.QuerySelector(".summary-sentence")!.Text().ShouldStartWith("Of 1 indicator: ");
        chinese.QuerySelector(".summary-sentence")!.Text().ShouldStartWith("1项指标中：");
    }

    [Theory, BothProviders]
    public async Task Groups_the_rows_as_the_report_does_each_outcome_then_its_outputs(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var page = await app.Client.GetDocumentAsync("/indicators/2019");

        var groups = page.QuerySelectorAll("tbody.outcome-group");
        groups.Select(g => g.GetAttribute("data-outcome")).ShouldBe(["1", "2"]);
        Outline(groups[0]).ShouldBe(["Outcome 1", "1.1", "1.2", "Output 1.1", "1.1.1", "1.1.2", "Output 1.2", "1.2.1", "1.2.2"]);
        Outline(groups[1]).ShouldBe(["Outcome 2", "2.1", "2.2", "Output 2.1", "2.1.1a", "2.1.1b", "2.1.2a", "2.1.2b", "Output 2.2", "2.2.1", "2.2.2"]);
        groups[0].QuerySelector("tr.outcome-row")!.Text().ShouldEndWith("4 green, 2 yellow, 0 red, 0 grey.");
        groups[1].QuerySelector("tr.outcome-row")!.Text().ShouldEndWith("5 green, 3 yellow, 0 red, 0 grey.");
    }

    [Theory, BothProviders]
    public async Task A_row_shows_milestone_result_score_and_colour_with_its_word_and_shape(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var page = await app.Client.GetDocumentAsync("/indicators/2019");

        var green = page.QuerySelector("tr.indicator-row[data-key='2.1.1a']")!;
        green.QuerySelector("th a")!.GetAttribute("href").ShouldBe("/indicators/2019/2.1.1a");
        green.QuerySelector("th")!.Text().ShouldBe("2.1.1.a");
        green.QuerySelectorAll("td").Select(c => c.Text()).ShouldBe(
            ["Months of volunteering through UNV (onsite)", "57,827 months", "65,014 months", "112%", "✓ Green", "112% ✓ Green"]);
        green.GetAttribute("data-rating").ShouldBe("green");
        var yellow = page.QuerySelector("tr.indicator-row[data-key='1.1.1']")!;
        yellow.QuerySelector("td.score")!.Text().ShouldBe("85%");
        yellow.QuerySelector(".rating")!.Text().ShouldBe("▲ Yellow");
        yellow.QuerySelector(".rating-icon")!.GetAttribute("aria-hidden").ShouldBe("true");
    }

    [Theory, BothProviders]
    public async Task Showing_one_colour_keeps_only_its_rows_and_the_year_counts(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var page = await app.Client.GetDocumentAsync("/indicators/2019?rating=yellow");

        var rows = page.QuerySelectorAll("tr.indicator-row");
        rows.Select(r => r.GetAttribute("data-key")).ShouldBe(["1.1.1", "1.2.1", "2.1.1b", "2.1.2b", "2.2.1"]);
        rows.ShouldAllBe(r => r.GetAttribute("data-rating") == "yellow");
        page.QuerySelector(".summary-sentence")!.Text().ShouldBe("Of 14 indicators: 9 green, 5 yellow, 0 red, 0 grey.");
        page.QuerySelector("[role=status]")!.Text().ShouldBe("Showing 5 of 14 indicators: Yellow only.");
        page.QuerySelector("tbody[data-outcome='1'] tr.outcome-row")!.Text().ShouldEndWith("4 green, 2 yellow, 0 red, 0 grey.");
        page.QuerySelector(".rating-filter a[aria-current=page]")!.GetAttribute("href").ShouldBe("/indicators/2019?rating=yellow");
    }

    [Theory, BothProviders]
    public async Task A_colour_that_does_not_exist_is_explained_and_every_row_shown(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var page = await app.Client.GetDocumentAsync("/indicators/2019?rating=purple");

        page.QuerySelector(".alert[role=alert]")!.Text()
            .ShouldBe("‘purple’ is not a colour; choose green, yellow, red or grey. All indicators are shown.");
        page.QuerySelectorAll("tr.indicator-row").Length.ShouldBe(14);
        page.QuerySelector("[role=status]").ShouldBeNull();
    }

    [Theory, BothProviders]
    public async Task An_unknown_year_is_not_found(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var page = await app.Client.GetDocumentAsync("/indicators/2030", expectedStatus: 404);

        page.QuerySelector("h1")!.Text().ShouldBe("Page not found");
    }

    [Theory, BothProviders]
    public async Task A_draft_year_is_not_found_nor_offered(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);

        var draft = await app.Client.GetDocumentAsync($"/indicators/{DraftYear.Year}", expectedStatus: 404);
        var published = await app.Client.GetDocumentAsync("/indicators/2021");

        draft.Body!.Text().ShouldNotContain(DraftYear.Title);
        published.QuerySelectorAll(".year-switcher a").Select(a => a.Text()).ShouldBe(["2019", "2021"]);
    }

    [Theory, BothProviders]
    public async Task The_2021_table_notes_the_three_scores_that_differ_from_the_printed_ones(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var page = await app.Client.GetDocumentAsync("/indicators/2021");

        page.QuerySelectorAll("tr.indicator-row.flagged").Select(r => r.GetAttribute("data-key")).ShouldBe(["1.1", "1.2", "1.2.1"]);
        page.QuerySelectorAll("tr.indicator-row .flag-note").Select(n => (n.GetAttribute("data-flag"), n.Text())).ShouldBe(
        [
            ("score-differs-from-published", "⚑ The report printed 126%; the milestone and the result give 134%."),
            ("score-differs-from-published", "⚑ The report printed 139%; the milestone and the result give 166%."),
            ("score-differs-from-published", "⚑ The report printed 85%; the milestone and the result give 84%."),
        ]);
        var row = page.QuerySelector("tr.indicator-row[data-key='1.2']")!;
        row.QuerySelector("td.score")!.Text().ShouldBe("166%");
        row.QuerySelector("td.published")!.Text().ShouldBe("139% ✓ Green");
        page.QuerySelector(".summary-sentence")!.Text().ShouldBe("Of 14 indicators: 11 green, 2 yellow, 1 red, 0 grey.");
    }

    [Theory, BothProviders]
    public async Task Chinese_is_chosen_with_the_query_and_remembered_in_the_culture_cookie(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        using var chosen = await client.GetAsync("/indicators/2019?culture=zh-Hans");
        var cookie = chosen.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        using var remembered = new HttpRequestMessage(HttpMethod.Get, "/indicators/2019");
        remembered.Headers.Add("Cookie", cookie.Split(';')[0]);
        var page = await client.GetDocumentAsync(remembered);

        cookie.ShouldContain("c%3Dzh-Hans%7Cuic%3Dzh-Hans");
        cookie.ShouldContain("httponly", Case.Insensitive);
        page.DocumentElement.GetAttribute("lang").ShouldBe("zh-Hans");
        var row = page.QuerySelector("tr.indicator-row[data-key='2.1.1a']")!;
        row.QuerySelectorAll("td")[0].Text().ShouldBe("通过联合国志愿人员组织参加志愿服务的月数(现场)");
        row.QuerySelector(".rating")!.Text().ShouldBe("✓ 绿色");
        page.QuerySelector(".summary-sentence")!.Text().ShouldBe("14项指标中： 绿色9项，黄色5项，红色0项，灰色0项。");
    }

    [Theory, BothProviders]
    public async Task Without_a_choice_the_page_is_in_English(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/indicators/2019");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");

        var page = await client.GetDocumentAsync(request);

        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector("tr.indicator-row[data-key='2.1.1a'] .rating")!.Text().ShouldBe("✓ Green");
    }

    /// <summary>The table body as the reader meets it: group headings by their label, indicator rows by their key.</summary>
    private static List<string> Outline(IElement group) =>
        group.QuerySelectorAll("tr")
            .Select(r => r.ClassList.Contains("group-row") ? r.Text().Split(':')[0] : r.GetAttribute("data-key")!)
            .ToList();

    [Theory, BothProviders]
    public async Task Only_a_colour_name_filters_never_a_number_or_a_list(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        foreach (var value in new[] { "yellow,red", "1", "Green, Red" })
        {
            var page = await app.Client.GetDocumentAsync("/indicators/2019?rating=" + Uri.EscapeDataString(value));

            page.QuerySelectorAll("tr.indicator-row").Length.ShouldBe(14, value);
            page.QuerySelector(".alert-warning")!.Text().ShouldContain("is not a colour", Case.Sensitive, value);
        }
    }

    [Theory, BothProviders]
    public async Task The_language_switcher_keeps_the_filter_and_replaces_any_earlier_language(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var page = await app.Client.GetDocumentAsync("/indicators/2019?rating=yellow&Culture=en");

        page.QuerySelector("a[data-culture='zh-Hans']")!.GetAttribute("href").ShouldBe("/indicators/2019?rating=yellow&culture=zh-Hans");
    }
}
