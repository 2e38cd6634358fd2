using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Auditing;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Localization;

/// <summary>
/// A reader who chose Chinese meets no English word on any page, public, staff or admin, except
/// proper names and symbols. The pages are enumerated from the app (<see cref="AppEndpoints"/>),
/// so a new page is checked without being listed here.
/// </summary>
public partial class ChinesePagesTests
{
    /// <summary>
    /// Latin words a Chinese page may show, each because Chinese documents write it so too:
    /// the organisations' acronyms (UN usage keeps them in Latin letters), file formats on
    /// download links and "Excel", the program's name, "API" as the programmers' name, "UTC" as
    /// Chinese technical writing abbreviates the time standard, "COVID" as UN Chinese texts name
    /// the disease (staff's Chinese narratives write COVID-19), and the
    /// Latin letters of an indicator's code (IE.1).
    /// </summary>
    private static readonly HashSet<string> ProperNames = new(StringComparer.Ordinal)
    {
        "UN", "UNV", "UNDP", "UNFPA", "UNOPS", "SDG",
        "CSV", "XLSX", "PNG", "JSON", "API", "PDF", "DOCX", "Excel", "UTC",
        "IE", "COVID",
    };

    /// <summary>Pages whose body is English by design, and why.</summary>
    private static readonly Dictionary<string, string> EnglishByDesign = new()
    {
        // The API reference documents an English wire format (OpenAPI), and says so with lang="en".
        ["/api/reference"] = "API reference",
    };

    /// <summary>
    /// Staff and admin pages still written in English only: the forms of the statistics, imports,
    /// framework administration and a year's definitions. Each stays listed only while it still shows English
    /// (the test fails when one is done and still listed), so the list can only shrink.
    /// </summary>
    private static readonly HashSet<string> NotYetInChinese =
    [
        "/admin/years/{year:int}/definitions",
    ];

    [Theory, BothProviders]
    public async Task Every_page_in_Chinese_shows_no_English_word(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var factId = await FirstFactAsync(app);
        await AddAuditEntryAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        using var visitor = app.Visitor();
        await admin.GetAsync("/?culture=zh-Hans");
        await visitor.GetAsync("/?culture=zh-Hans");
        var pages = AppEndpoints.Handlers(app)
            .Where(h => h.IsPage && h.Method == "GET" && string.IsNullOrEmpty(h.PageHandler) && !IsFile(h) && !EnglishByDesign.ContainsKey(h.Route))
            .ToList();
        var found = new List<string>();
        var stillEnglish = new HashSet<string>();
        var read = 0;

        foreach (var page in pages)
        {
            foreach (var year in page.Route.Contains("{year", StringComparison.Ordinal) ? new[] { DraftYear.Year, 2021 } : [2021])
            {
                var address = AppEndpoints.Fill(page, year, factId);
                using var response = await admin.GetAsync(address);
                // Pages that only send a signed-in reader on (sign-in, say) are read as a visitor.
                using var shown = (int)response.StatusCode is 302 ? await visitor.GetAsync(address) : null;
                if ((int)(shown ?? response).StatusCode is 302)
                {
                    // Only a redirect (to the latest year, say): the page it leads to is checked on its own.
                    continue;
                }

                var document = await Html.ParseAsync(shown ?? response);
                if (document.DocumentElement.GetAttribute("lang") != "zh-Hans")
                {
                    found.Add($"{address}: not in Chinese ({(int)(shown ?? response).StatusCode})");
                    continue;
                }

                read++;
                var words = EnglishWords(document).ToList();
                if (NotYetInChinese.Contains(page.Route))
                {
                    stillEnglish.UnionWith(words.Count > 0 ? [page.Route] : []);
                    continue;
                }

                found.AddRange(words.Select(word => $"{address}: {word}"));
            }
        }

        found.ShouldBeEmpty($"{found.Count} English words:{Environment.NewLine}{string.Join(Environment.NewLine, found.Distinct())}");
        NotYetInChinese.Except(stillEnglish).ShouldBeEmpty("these pages are in Chinese now: take them off the list");
        read.ShouldBeGreaterThan(30);
    }

    [Fact]
    public async Task The_check_finds_an_English_word_and_passes_names_symbols_and_marked_data()
    {
        var document = await Html.ParseAsync("""
            <html lang="zh-Hans"><head><title>标题</title></head><body>
            <p>来源：DP/2022/24 第14段，按DP/2020/14公布，UNV，admin@unv.test，https://www.unv.org/x，指标 IE.1 与 1.2</p>
            <p lang="en">An English narrative</p><code>volunteers_deployed</code><script>var x = 1;</script>
            <button aria-label="Close">×</button><p>结果 Result</p></body></html>
            """);

        EnglishWords(document).ShouldBe(["Close", "Result"], ignoreOrder: true);
    }

    /// <summary>The Latin words a reader sees or hears: text, titles, labels and placeholders.</summary>
    internal static IEnumerable<string> EnglishWords(IDocument document)
    {
        var text = new List<string> { document.Title ?? string.Empty };
        Collect(document.Body!, text);
        return text
            .Select(t => Allowed().Replace(t, " "))
            .SelectMany(t => LatinWord().Matches(t).Select(m => m.Value))
            .Where(word => !ProperNames.Contains(word))
            .Distinct();
    }

    private static void Collect(IElement element, List<string> text)
    {
        if (element.LocalName is "script" or "style" or "code" or "template" || element.GetAttribute("lang") is { } lang && lang.StartsWith("en", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var attribute in new[] { "title", "aria-label", "placeholder", "alt" })
        {
            text.Add(element.GetAttribute(attribute) ?? string.Empty);
        }

        if (element is { LocalName: "input" } && element.GetAttribute("type") is "submit" or "button")
        {
            text.Add(element.GetAttribute("value") ?? string.Empty);
        }

        foreach (var child in element.ChildNodes)
        {
            if (child is IElement childElement)
            {
                Collect(childElement, text);
            }
            else if (child.NodeType == NodeType.Text)
            {
                text.Add(child.TextContent);
            }
        }
    }

    private static bool IsFile(AppEndpoints.Handler handler) => handler.Route.Contains(".{format}", StringComparison.Ordinal);

    private static async Task<long> FirstFactAsync(TestApp app)
    {
        await using var scope = app.CreateDbScope();
        return await scope.Db.StatisticFacts.Where(f => f.Year == DraftYear.Year).Select(f => f.Id).FirstAsync();
    }

    private static async Task AddAuditEntryAsync(TestApp app)
    {
        await using var scope = app.CreateDbScope();
        scope.Db.AuditEntries.Add(new AuditEntry(DateTimeOffset.UtcNow, null, "editor@unv.test", AuditAction.Changed, "indicator-year", "2021 1.2", 2021, "1.2", "Result", "1", "2", null));
        await scope.Db.SaveChangesAsync();
    }

    /// <summary>Document symbols (DP/2022/24, UNV/dashboard), e-mail addresses and URLs: names, never words.</summary>
    [GeneratedRegex(@"https?://\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+|(?<![A-Za-z])[A-Za-z]+(/[\w.()-]+)+")]
    private static partial Regex Allowed();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'’]*[A-Za-z]")]
    private static partial Regex LatinWord();
}
