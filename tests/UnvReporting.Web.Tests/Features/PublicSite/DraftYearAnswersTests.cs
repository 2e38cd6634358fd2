using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using UnvReporting.Domain.Reporting;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.PublicSite;

/// <summary>
/// Nobody can tell from the public site that a draft exists: every public address answers for a
/// draft year exactly as it answered before the year was opened, and as it answers for a year
/// that does not exist. 2018 is a year the published reports print figures of (DP/2020/14 gives
/// 2018 beside 2019); 2022 one they print none of.
/// </summary>
public partial class DraftYearAnswersTests
{
    private const int NeverOpened = 2023;

    /// <summary>Every public address that takes a year ("{0}"), and those that list every year.</summary>
    private static readonly string[] Addresses =
    [
        "/",
        "/indicators/{0}",
        "/indicators/{0}/1.1",
        "/frameworks/2018-2021",
        "/frameworks/2022-2025",
        "/statistics",
        "/statistics/{0}",
        "/statistics/{0}?handler=Csv&chart=categories",
        "/statistics/compare",
        "/statistics/compare?a={0}&b=2019",
        "/statistics/compare?a=2021&b={0}",
        "/statistics/compare?a={0}&b={0}",
        "/statistics/trends?metric=volunteers_deployed",
        "/export/{0}/indicators.csv",
        "/export/{0}/indicators.xlsx",
        "/export/{0}/statistics.csv",
        "/export/{0}/statistics.xlsx",
        "/export/indicators.xlsx",
        "/export/statistics.csv",
        "/api/v1/years",
        "/api/v1/years/{0}/summary",
        "/api/v1/years/{0}/indicators",
        "/api/v1/years/{0}/indicators/1.1",
        "/api/v1/years/{0}/statistics",
        "/api/v1/indicators/1.1",
        "/api/v1/statistics/volunteers_deployed",
        "/api/v1/frameworks",
        "/api/v1/frameworks/2022-2025",
    ];

    [Theory, BothProviders]
    public async Task A_draft_year_answers_every_public_address_as_before_it_was_opened(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var before = new Dictionary<string, Answer>();
        foreach (var year in new[] { 2018, 2022 })
        {
            foreach (var address in Addresses)
            {
                before[Path(address, year)] = await AnswerAsync(app, Path(address, year));
            }
        }

        await OpenedYears.AddAsync(app, 2018, ReportingStatus.Draft);
        await OpenedYears.AddAsync(app, 2022, ReportingStatus.Submitted);

        var changed = new List<string>();
        foreach (var (path, answer) in before)
        {
            var now = await AnswerAsync(app, path);
            if (now != answer)
            {
                changed.Add($"{path}: {answer.Status} → {now.Status}{(now.Status == answer.Status ? " (body differs)" : string.Empty)}");
            }
        }

        changed.ShouldBeEmpty();
    }

    [Theory, BothProviders]
    public async Task A_draft_year_answers_every_public_address_with_the_status_of_a_year_that_does_not_exist(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await OpenedYears.AddAsync(app, 2022, ReportingStatus.Draft);

        var differing = new List<string>();
        foreach (var address in Addresses.Where(a => a.Contains("{0}", StringComparison.Ordinal)))
        {
            var draft = await AnswerAsync(app, Path(address, 2022));
            var nowhere = await AnswerAsync(app, Path(address, NeverOpened));
            if (draft.Status != nowhere.Status)
            {
                differing.Add($"{address}: draft {draft.Status}, nonexistent {nowhere.Status}");
            }
        }

        differing.ShouldBeEmpty();
    }

    [Theory, BothProviders]
    public async Task Compare_with_a_draft_year_answers_as_with_a_year_that_does_not_exist(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await OpenedYears.AddAsync(app, 2018, ReportingStatus.Draft);
        await OpenedYears.AddAsync(app, 2022, ReportingStatus.Draft);

        // 2018 shows only what DP/2020/14 printed of it, as while it was no reporting year.
        var draft2018 = await app.Client.GetDocumentAsync("/statistics/compare?a=2018&b=2019");
        var rows = draft2018.QuerySelectorAll(".compare-table tbody tr").Select(r => r.Text()).ToList();
        rows.ShouldContain(r => r.StartsWith("Volunteer months 53,194 months DP/2020/14 para 31", StringComparison.Ordinal));
        rows.ShouldNotContain(r => r.Contains("7,777", StringComparison.Ordinal));

        // 2022 has nothing public: its column is empty, as 2023's is.
        var draft = await app.Client.GetDocumentAsync("/statistics/compare?a=2022&b=2021");
        var nowhere = await app.Client.GetDocumentAsync($"/statistics/compare?a={NeverOpened}&b=2021");
        Rows(draft).ShouldBe(Rows(nowhere));
        Rows(draft).ShouldNotBeEmpty();
    }

    private static List<string> Rows(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".compare-table tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.Text()))).ToList();

    private static string Path(string address, int year) => string.Format(CultureInfo.InvariantCulture, address, year);

    /// <summary>The status and what a reader gets: a page's main text, or a file's or JSON answer's text (an XLSX holds its creation time, so its status only).</summary>
    private static async Task<Answer> AnswerAsync(TestApp app, string path)
    {
        using var response = await app.Client.GetAsync(path);
        var type = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        string body;
        if (type == "text/html")
        {
            var page = await Html.ParseAsync(response);
            body = Whitespace().Replace(page.QuerySelector("main")?.TextContent ?? string.Empty, " ").Trim();
        }
        else if (type.Contains("spreadsheetml", StringComparison.Ordinal))
        {
            body = "xlsx";
        }
        else
        {
            // A problem's traceId names the request, not the answer.
            body = TraceId().Replace(await response.Content.ReadAsStringAsync(), string.Empty);
        }

        return new Answer(response.StatusCode, body);
    }

    private sealed record Answer(HttpStatusCode Status, string Body);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"""traceId"":""[^""]*""")]
    private static partial Regex TraceId();
}
