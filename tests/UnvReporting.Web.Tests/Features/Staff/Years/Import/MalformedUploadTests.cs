using System.IO.Compression;
using System.Net;
using System.Text;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Features.Staff.Years.Import;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff.Years.Import;

/// <summary>
/// Malformed spreadsheets at the import page, beyond the size cap, zip bomb, renamed file and
/// wrong columns of <see cref="ImportTests.Files_refused_whole_are_not_stored"/>: each is refused
/// with a message and nothing is written, not even a pending import.
/// </summary>
public class MalformedUploadTests
{
    private static readonly string Header = string.Join(',', Workbooks.IndicatorHeader);

    private static IEnumerable<(string Name, byte[] Content)> MalformedFiles()
    {
        var workbook = Workbooks.Xlsx(("Indicators", [Workbooks.IndicatorHeader.Cast<object?>().ToArray(), ["1.1", "1.1", "t", "Percent", 50, 45, null, null, "1"]]));
        yield return ("empty.csv", []);
        yield return ("empty.xlsx", []);
        yield return ("truncated.xlsx", workbook[..(workbook.Length / 2)]);
        yield return ("not-a-workbook.xlsx", Zip(("readme.txt", "hello")));
        yield return ("missing-sheet.xlsx", Workbooks.Xlsx(("Something else", [["a", "b"]])));
        yield return ("many-entries.xlsx", Zip(Enumerable.Range(0, 20_000).Select(i => ($"xl/junk/{i}.xml", "<x/>")).ToArray()));
        yield return ("lying-sizes.xlsx", Workbooks.ZipBomb(megabytes: 60, lie: true));
        yield return ("zip64-sizes-near-2-to-the-63.xlsx", Workbooks.Zip64WithDeclaredSizes(long.MaxValue));
        yield return ("junk.csv", Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256)).ToArray());
        yield return ("unbalanced-quotes.csv", Workbooks.Csv(Header, "1.1,\"1.1,t,Percent,50,45,,,1"));
        yield return ("utf16-without-bom.csv", Encoding.Unicode.GetBytes(Header + "\r\n1.1,1.1,t,Percent,50,45,,,1\r\n"));
        yield return ("script-and-formula.csv", Workbooks.Csv(Header, "<script>alert(1)</script>,=HYPERLINK(\"x\"),t,Percent,abc,1e309,,,1"));
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return stream.ToArray();
    }

    [Theory, BothProviders]
    public async Task Malformed_files_are_refused_with_a_message_and_write_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var client = await app.SignedInAsync(StaffRole.Editor);
        string before;
        await using (var scope = app.CreateDbScope())
        {
            before = await DatabaseSnapshot.TakeAsync(scope.Db);
        }

        var failures = new List<string>();
        foreach (var (name, content) in MalformedFiles())
        {
            using var response = await client.UploadAsync(2020, content, name);
            if (await BadInputForms.RefusalProblemAsync(client, response) is { } problem)
            {
                failures.Add($"{name}: {problem}");
                continue;
            }

            var page = response.StatusCode == HttpStatusCode.Redirect
                ? await client.GetDocumentAsync(response.Location()!)
                : await Html.ParseAsync(response);
            if (page.QuerySelector("#upload-refused") is null)
            {
                failures.Add($"{name}: no refusal shown ({BadInputForms.Message(page)})");
            }

            if (page.QuerySelectorAll("script").Any(s => s.TextContent.Contains("alert(", StringComparison.Ordinal)) || page.QuerySelector("img[src=x]") is not null)
            {
                failures.Add($"{name}: the page runs the file's markup");
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        await using (var scope = app.CreateDbScope())
        {
            (await DatabaseSnapshot.TakeAsync(scope.Db)).ShouldBe(before);
        }
    }
}
