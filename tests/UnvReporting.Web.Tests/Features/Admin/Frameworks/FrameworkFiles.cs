using System.Globalization;
using System.Text;
using UnvReporting.Domain.Frameworks;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Tests.Features.Staff.Years.Import;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Admin.Frameworks;

/// <summary>
/// A four-year framework (2030-2033) as an Admin would fill the framework template: two outcomes,
/// four outputs, institutional effectiveness and 20 output indicators, half counts, half percents.
/// </summary>
internal static class FrameworkFiles
{
    public const string Code = "2030-2033";

    public static readonly int[] Years = [2030, 2031, 2032, 2033];

    public static readonly string[] AreaHeader = ["Code", "Kind", "Parent", "Title EN", "Title ZH", "Order"];

    public static readonly string[] IndicatorHeader =
        ["Key", "Result area", "Title EN", "Title ZH", "Unit", "Direction", "Is cumulative", "Baseline", "Baseline year",
         "Milestone 2030", "Milestone 2031", "Milestone 2032", "Milestone 2033", "End target", "Data source", "Order"];

    public static readonly (string Code, string Kind, string? Parent)[] Areas =
        [("1", "outcome", null), ("2", "outcome", null), ("1.1", "output", "1"), ("1.2", "output", "1"), ("2.1", "output", "2"), ("2.2", "output", "2"), ("IE", "institutional-effectiveness", null)];

    private static readonly string[] Outputs = ["1.1", "1.2", "2.1", "2.2"];

    public static string Key(int i) => $"{Outputs[i % 4]}.{(i / 4) + 1}";

    public static bool IsPercent(int i) => i % 2 == 1;

    public static decimal Milestone(int i, int year) => IsPercent(i) ? 40 + (5 * (year - 2030)) : (100 * (i + 1)) + (10 * (year - 2030));

    /// <summary>The cells of each area row, then of each indicator row; a number is a decimal, as a spreadsheet holds it.</summary>
    public static object?[][] AreaRows() =>
        Areas.Select((a, n) => new object?[] { a.Code, a.Kind, a.Parent, $"Area {a.Code}", $"领域{a.Code}", (decimal)n + 1 }).ToArray();

    public static object?[][] IndicatorRows() =>
        Enumerable.Range(0, 20).Select(i => new object?[]
        {
            Key(i), Outputs[i % 4], $"Indicator {Key(i)}", $"指标{Key(i)}", IsPercent(i) ? "percent" : "count",
            i == 3 ? "lower" : "higher", i == 5 ? "yes" : "no", Milestone(i, 2029), 2029m,
            Milestone(i, 2030), Milestone(i, 2031), Milestone(i, 2032), Milestone(i, 2033), Milestone(i, 2033),
            "UNV administrative data", (decimal)i + 1,
        }).ToArray();

    public static byte[] Workbook(Func<object?[][], object?[][]>? changeIndicators = null) =>
        Workbooks.Xlsx(
            ("Result areas", [AreaHeader, .. AreaRows()]),
            ("Indicators", [IndicatorHeader, .. (changeIndicators ?? (rows => rows))(IndicatorRows())]));

    /// <summary>The same framework as one CSV table with a Type column.</summary>
    public static byte[] Csv()
    {
        var header = new[] { "Type" }.Concat(AreaHeader.Where(h => h != "Kind")).Concat(IndicatorHeader.Where(h => !AreaHeader.Contains(h))).ToArray();
        var lines = new List<string> { string.Join(",", header) };
        foreach (var row in AreaRows())
        {
            var cells = AreaHeader.Select((h, n) => (h, row[n])).ToDictionary(c => c.h, c => c.Item2);
            lines.Add(Line(header, cells, (string)cells["Kind"]!));
        }

        foreach (var row in IndicatorRows())
        {
            lines.Add(Line(header, IndicatorHeader.Select((h, n) => (h, row[n])).ToDictionary(c => c.h, c => c.Item2), "indicator"));
        }

        return Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
    }

    private static string Line(string[] header, Dictionary<string, object?> cells, string type) =>
        string.Join(",", header.Select(h => h == "Type" ? type : cells.GetValueOrDefault(h) switch
        {
            null => string.Empty,
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            var other => $"\"{other.ToString()!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"",
        }));

    public static async Task CreateFrameworkAsync(TestApp app)
    {
        await using var scope = app.CreateDbScope();
        scope.Db.Frameworks.Add(new StrategicFramework(2030, 2033, "DP/2029/9", RatingBands.Default));
        await scope.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow);
    }

    /// <summary>Uploads a file through the framework spreadsheet page's form, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this StaffBrowser client, string code, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await client.AntiforgeryTokenAsync(client.Url.FrameworkImport(code))), HtmlForms.AntiforgeryField);
        form.Add(new ByteArrayContent(content), "file", fileName);
        return await client.PostAsync(client.Url.Page("/Admin/Frameworks/Import/Index", "Upload", new { code }), form);
    }

    /// <summary>Uploads and confirms a file that must import cleanly; the page the confirmation leads to.</summary>
    public static async Task<AngleSharp.Dom.IDocument> ImportAsync(this StaffBrowser client, string code, byte[] content, string fileName)
    {
        var upload = await client.UploadAsync(code, content, fileName);
        upload.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, await upload.Content.ReadAsStringAsync());
        var preview = upload.Location()!;
        var confirm = await client.PostFormAsync($"{preview}?handler=Confirm", new Dictionary<string, string>(), pagePath: preview);
        confirm.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, await confirm.Content.ReadAsStringAsync());
        return await client.GetDocumentAsync(confirm.Location()!);
    }
}
