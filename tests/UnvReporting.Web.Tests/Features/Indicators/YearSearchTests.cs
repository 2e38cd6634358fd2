using AngleSharp.Dom;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Indicators;

/// <summary>The keyword search of a year's table: codes and both titles, ignoring case, on either database.</summary>
public class YearSearchTests(SeededApps apps) : IClassFixture<SeededApps>
{
    [Theory, BothProviders]
    public async Task Finds_an_indicator_by_its_code(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var page = await app.Client.GetDocumentAsync("/indicators/2021?q=1.2.1");

        Keys(page).ShouldBe(["1.2.1"]);
        page.QuerySelector(".search-status")!.Text().ShouldStartWith("1 indicator matches “1.2.1”.");
        page.QuerySelector("#indicator-search")!.GetAttribute("value").ShouldBe("1.2.1");
    }

    [Theory, BothProviders]
    public async Task Finds_a_code_written_as_the_report_of_the_year_writes_it_or_as_its_key(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var page = await app.Client.GetDocumentAsync("/indicators/2019?q=2.1.1a");

        Keys(page).ShouldBe(["2.1.1a"]);
        page.QuerySelector("tr.indicator-row th")!.Text().ShouldBe("2.1.1.a");
    }

    [Theory, BothProviders]
    public async Task Finds_English_words_in_any_case_each_word_anywhere_in_the_title(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var online = await app.Client.GetDocumentAsync("/indicators/2021?q=ONLINE");
        var twoWords = await app.Client.GetDocumentAsync("/indicators/2021?q=" + Uri.EscapeDataString("volunteers share"));

        Keys(online).ShouldBe(["1.1.1", "2.1.1b", "2.1.2b"]);
        online.QuerySelector(".search-status")!.Text().ShouldStartWith("3 indicators match “ONLINE”.");
        Keys(twoWords).ShouldBe(["2.2.1", "2.2.2"]);
    }

    [Theory, BothProviders]
    public async Task Finds_Chinese_words_in_the_Chinese_titles_whatever_the_language_of_the_page(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var chinese = await app.Client.GetDocumentAsync("/indicators/2021?culture=zh-Hans&q=" + Uri.EscapeDataString("伙伴"));
        var english = await app.Client.GetDocumentAsync("/indicators/2021?culture=en&q=" + Uri.EscapeDataString("伙伴"));

        Keys(chinese).ShouldBe(["1.2.2", "2.1", "2.2"]);
        chinese.QuerySelector(".search-status")!.Text().ShouldStartWith("3项指标符合“伙伴”。");
        Keys(english).ShouldBe(["1.2.2", "2.1", "2.2"]);
    }

    [Theory, BothProviders]
    public async Task No_match_says_so_and_offers_to_clear_the_search(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var page = await app.Client.GetDocumentAsync("/indicators/2021?q=zebra");

        Keys(page).ShouldBeEmpty();
        var status = page.QuerySelector(".search-status")!;
        status.GetAttribute("role").ShouldBe("status");
        status.QuerySelector("strong")!.Text().ShouldBe("No indicator matches “zebra”.");
        status.QuerySelector("a.clear-search")!.GetAttribute("href").ShouldBe("/indicators/2021");
        page.Body!.Text().ShouldNotContain("No indicator has this colour");
        page.QuerySelector(".indicator-table")!.ParentElement!.HasAttribute("hidden").ShouldBeTrue("no headings over an empty table");
    }

    [Theory, BothProviders]
    public async Task The_search_keeps_the_colour_filter_and_the_colour_filter_keeps_the_search(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var page = await app.Client.GetDocumentAsync("/indicators/2021?rating=green&q=online");

        Keys(page).ShouldBe(["1.1.1", "2.1.1b", "2.1.2b"]);
        page.QuerySelector("form.indicator-search input[name='rating']")!.GetAttribute("value").ShouldBe("green");
        page.QuerySelector(".rating-filter a[aria-current='page']")!.GetAttribute("href").ShouldBe("/indicators/2021?rating=green&q=online");
        page.QuerySelector("a.clear-search")!.GetAttribute("href").ShouldBe("/indicators/2021?rating=green");
        var yellowOnly = await app.Client.GetDocumentAsync("/indicators/2021?rating=yellow&q=online");
        Keys(yellowOnly).ShouldBeEmpty();
    }

    [Theory, BothProviders]
    public async Task The_search_box_has_a_label(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var page = await app.Client.GetDocumentAsync("/indicators/2021");

        page.QuerySelector("form.indicator-search")!.GetAttribute("role").ShouldBe("search");
        page.QuerySelector("label[for='indicator-search']")!.Text().ShouldBe("Search the indicators by code or title");
        page.QuerySelector(".search-status").ShouldBeNull();
    }

    [Theory, BothProviders]
    public async Task The_indicators_index_searches_the_latest_published_year(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        using var response = await app.Client.GetAsync("/indicators?q=online");

        ((int)response.StatusCode).ShouldBe(302);
        response.Headers.Location!.OriginalString.ShouldBe("/indicators/2021?q=online");
    }

    private static List<string> Keys(IDocument page) =>
        page.QuerySelectorAll("tr.indicator-row").Select(r => r.GetAttribute("data-key")!).ToList();
}
