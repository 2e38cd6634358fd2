using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Sources;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Tests.Features.Export;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features;

/// <summary>
/// Titles, narratives and statistic labels holding markup, script and spreadsheet formulas, in
/// both languages, as a careless or hostile editor could have saved them: every page, chart
/// block, API answer and export shows them as text and never runs them.
/// </summary>
public class OutputEncodingTests
{
    private const string ScriptEn = "</script><script>alert('x')</script><!--";
    private const string ImageZh = "<img src=x onerror=alert(1)>标题";
    private const string AreaEn = "<b onmouseover=alert(2)>Area</b>";
    private const string Formula = "=HYPERLINK(\"http://evil.test\",\"click\")";
    private const string Command = "+cmd|' /C calc'!A0";

    /// <summary>The payloads saved into 2021 (published) through the audited save the pages use.</summary>
    private static async Task AddPayloadsAsync(TestApp app)
    {
        await using var scope = app.CreateDbScope();
        var row = await scope.Db.IndicatorYears.Include(iy => iy.Indicator).SingleAsync(iy => iy.Year == 2021 && iy.Indicator.Key == "1.1");
        row.Redefine(new IndicatorDefinition(ScriptEn, ImageZh, row.Definition.Unit, row.Definition.IsCumulative, row.Definition.Direction), row.CodeAsPublished);
        row.Describe(Formula + " " + ScriptEn, ImageZh, Command);
        var area = await scope.Db.ResultAreas.SingleAsync(a => a.Id == row.Indicator.AreaId);
        area.Rename(AreaEn, ImageZh);
        var metric = await scope.Db.Metrics.SingleAsync(m => m.Key == "volunteers_deployed");
        scope.Db.Entry(metric).Property(m => m.NameEn).CurrentValue = ScriptEn;
        scope.Db.Entry(metric).Property(m => m.NameZh).CurrentValue = ImageZh;
        var fact = await scope.Db.StatisticFacts.FirstAsync(f => f.Year == 2021 && f.MetricKey == "volunteers_deployed" && f.Dimension == null);
        fact.Correct(metric, fact.Value, fact.Qualifier, new SourceReference("DP/2022/24", "para 1 <script>"), Command);
        var member = await scope.Db.DimensionMembers.FirstAsync();
        scope.Db.Entry(member).Property(m => m.NameEn).CurrentValue = AreaEn;
        scope.Db.Entry(member).Property(m => m.NameZh).CurrentValue = ImageZh;
        await scope.Db.SaveAuditedAsync(new StaffActor(null, "fixture@unv.test"), "output-encoding test", DateTimeOffset.UtcNow);
    }

    [Theory, BothProviders]
    public async Task Markup_in_titles_narratives_and_labels_renders_as_text_in_every_page_and_chart(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddPayloadsAsync(app);
        var problems = new List<string>();

        foreach (var culture in new[] { "en", "zh-Hans" })
        {
            foreach (var path in new[]
            {
                "/indicators/2021", "/indicators/2021/1.1", "/statistics/2021", "/statistics/trends?metric=volunteers_deployed",
                "/statistics/compare?a=2019&b=2021",
            })
            {
                var address = $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}culture={culture}";
                using var response = await app.Client.GetAsync(address);
                var html = await response.Content.ReadAsStringAsync();
                ((int)response.StatusCode).ShouldBe(200, address);
                problems.AddRange((await InertAsync(html)).Select(p => $"{address}: {p}"));
            }
        }

        // The payloads are shown, as text, where they belong.
        var page = await app.Client.GetDocumentAsync("/indicators/2021/1.1?culture=en");
        page.Body!.TextContent.ShouldContain(ScriptEn);
        page.Body.TextContent.ShouldContain(Formula);
        (await app.Client.GetDocumentAsync("/indicators/2021/1.1?culture=zh-Hans")).Body!.TextContent.ShouldContain(ImageZh);
        (await app.Client.GetDocumentAsync("/statistics/2021?culture=en")).Body!.TextContent.ShouldContain(ScriptEn);

        // A payload in the address: the error page and a page that echoes its query.
        foreach (var address in new[] { "/indicators/2021/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/no-such-page/%3Cimg%20src=x%20onerror=alert(1)%3E", "/statistics/trends?metric=%3Cscript%3Ealert(1)%3C%2Fscript%3E" })
        {
            using var response = await app.Client.GetAsync(address);
            ((int)response.StatusCode).ShouldBeLessThan(500, address);
            problems.AddRange((await InertAsync(await response.Content.ReadAsStringAsync())).Select(p => $"{address}: {p}"));
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Theory, BothProviders]
    public async Task Markup_stays_text_in_the_api_and_formulas_are_neutralised_in_every_export(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddPayloadsAsync(app);

        var api = await app.Client.GetJsonAsync("/api/v1/years/2021/indicators/1.1?culture=zh-Hans");
        api.GetProperty("title").GetString().ShouldBe(ImageZh, "the API gives the text as saved; encoding is the reader's job");
        // The API writes Chinese and markup unescaped (readable JSON); it is never HTML, which its type says.
        using var english = await app.Client.GetAsync("/api/v1/years/2021/indicators/1.1");
        english.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await english.JsonAsync(200)).GetProperty("title").GetString().ShouldBe(ScriptEn);

        foreach (var path in new[] { "/export/2021/indicators.csv", "/export/2021/statistics.csv" })
        {
            var text = Encoding.UTF8.GetString(await app.Client.CsvAsync(path));
            text.ShouldContain(ScriptEn, customMessage: path);
            foreach (var cell in ExportFiles.CsvRows(await app.Client.CsvAsync(path)).SelectMany(r => r.Values))
            {
                cell.ShouldNotStartWith("=", customMessage: path);
                cell.ShouldNotStartWith("+", customMessage: path);
            }

            text.ShouldContain("'" + Command.Replace("\"", "\"\"", StringComparison.Ordinal), customMessage: path);
        }

        foreach (var path in new[] { "/export/2021/indicators.xlsx", "/export/2021/statistics.xlsx", "/export/indicators.xlsx" })
        {
            using var workbook = ExportFiles.OpenXlsx(await app.Client.XlsxAsync(path));
            var cells = workbook.SheetNames().SelectMany(sheet => workbook.Worksheet(sheet).Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()).ToList();
            cells.ShouldNotContain(c => c.CellFormula != null, path + ": no cell is a formula");
            // Text like a formula stays as entered in an inline text cell, which is never run.
            var formulaLike = cells.Where(c => c.Text().StartsWith('=') || c.Text().StartsWith('+')).ToList();
            formulaLike.ShouldNotBeEmpty(path);
            formulaLike.ShouldAllBe(c => c.DataType != null && c.DataType.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString, path);
            cells.Select(c => c.Text()).ShouldContain(t => t.Contains(Command, StringComparison.Ordinal), path);
        }
    }

    /// <summary>
    /// What in a page could run a payload: a script holding one, an element with an event
    /// attribute, or a JSON block the payload ended early (its text then no longer parses).
    /// </summary>
    private static async Task<List<string>> InertAsync(string html)
    {
        var problems = new List<string>();
        var document = await Html.ParseAsync(new HttpResponseMessage { Content = new StringContent(html) });
        foreach (var script in document.QuerySelectorAll("script"))
        {
            if (script.TextContent.Contains("alert(", StringComparison.Ordinal) && script.GetAttribute("type") != "application/json")
            {
                problems.Add("a script element runs the payload");
            }

            if (script.GetAttribute("type") == "application/json")
            {
                if (script.TextContent.Contains("</script", StringComparison.OrdinalIgnoreCase) || script.TextContent.Contains("<!--", StringComparison.Ordinal))
                {
                    problems.Add("a JSON block holds </script or <!--");
                }

                try
                {
                    using var _ = JsonDocument.Parse(script.TextContent);
                }
                catch (JsonException exception)
                {
                    problems.Add("a JSON block was cut short: " + exception.Message);
                }
            }
        }

        foreach (var element in document.All)
        {
            if (element.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"<{element.LocalName}> has an event attribute");
            }
        }

        if (document.QuerySelectorAll("img[src=x]").Length > 0)
        {
            problems.Add("an <img> of the payload");
        }

        return problems;
    }
}
