using System.Net;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Auditing;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Tests.Features.Export;
using UnvReporting.Web.Tests.Features.Staff.Years.Import;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff.Years.Import;

public class ImportTests
{
    [Theory, BothProviders]
    public async Task Templates_hold_unpublished_figures_and_are_never_stored_by_a_browser_or_proxy(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await app.SignedInAsync(StaffRole.Editor);

        foreach (var path in new[] { app.Url.ImportTemplate(2021, "xlsx"), app.Url.ImportTemplate(2021, "csv") })
        {
            using var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, path);
            response.Headers.CacheControl.ShouldNotBeNull(path).NoStore.ShouldBeTrue(path);
        }
    }

    [Theory, BothProviders]
    public async Task Templates_carry_every_indicator_key_of_the_year_and_an_untouched_one_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await app.SignedInAsync(StaffRole.Editor);
        List<string> keys;
        await using (var scope = app.CreateDbScope())
        {
            keys = await scope.Db.IndicatorYears.Where(iy => iy.Year == 2021).Select(iy => iy.Indicator.Key).ToListAsync();
        }

        var xlsx = await client.Client.GetByteArrayAsync(app.Url.ImportTemplate(2021, "xlsx"));
        var csv = await client.Client.GetStringAsync(app.Url.ImportTemplate(2021, "csv"));

        var sheet = Workbooks.ReadSheet(xlsx, "Indicators");
        sheet[0].ShouldBe(Workbooks.IndicatorHeader);
        sheet.Skip(1).Select(r => r[0]).ShouldBe(keys, ignoreOrder: true);
        Workbooks.ReadSheet(xlsx, "Statistics").Count.ShouldBeGreaterThan(1);
        using var reader = new CsvReader(new StringReader(csv), System.Globalization.CultureInfo.InvariantCulture);
        var records = new List<string>();
        await reader.ReadAsync();
        reader.ReadHeader();
        reader.HeaderRecord.ShouldBe(Workbooks.IndicatorHeader);
        while (await reader.ReadAsync())
        {
            records.Add(reader.GetField("Key")!);
        }

        records.ShouldBe(keys, ignoreOrder: true);

        using var approver = await app.SignedInAsync(StaffRole.Approver);
        var upload = await approver.UploadAsync(2021, await approver.Client.GetByteArrayAsync(app.Url.ImportTemplate(2021, "xlsx")), "untouched.xlsx");
        var body = await upload.Content.ReadAsStringAsync();
        upload.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldContain("changes nothing");
    }

    [Theory, BothProviders]
    public async Task Texts_that_start_like_a_formula_go_into_the_workbook_template_as_they_are_and_come_back_unchanged(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await FormulaTexts.PutInto2021Async(app);
        using var approver = await app.SignedInAsync(StaffRole.Approver);

        var template = await approver.Client.GetByteArrayAsync(app.Url.ImportTemplate(2021, "xlsx"));
        var upload = await approver.UploadAsync(2021, template, "untouched.xlsx");

        // The import reads a workbook's text cells as they are, so the exports' apostrophe would become part of the text.
        var row = Workbooks.ReadSheet(template, "Indicators").Single(r => r[0] == "1.1");
        row[Array.IndexOf(Workbooks.IndicatorHeader, "NarrativeEn")].ShouldBe(FormulaTexts.Narrative);
        row[Array.IndexOf(Workbooks.IndicatorHeader, "NarrativeZh")].ShouldBe(FormulaTexts.NarrativeZh);
        var body = await upload.Content.ReadAsStringAsync();
        upload.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldContain("changes nothing");
    }

    [Theory, BothProviders]
    public async Task A_filled_workbook_is_previewed_then_confirmed_with_audit_entries_of_the_importer(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var client = await app.SignedInAsync(StaffRole.Editor);
        var template = await client.Client.GetByteArrayAsync(app.Url.ImportTemplate(2020, "xlsx"));
        var filled = Workbooks.SetCell(template, "Indicators", "F2", 45m);

        var upload = await client.UploadAsync(2020, filled, "figures.xlsx");

        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect, await upload.Content.ReadAsStringAsync());
        var preview = upload.Location()!;
        var page = await client.GetDocumentAsync(preview);
        var change = page.QuerySelector("#import-changes tr[data-subject='1.1'][data-field='Result']").ShouldNotBeNull();
        change.QuerySelector(".before")!.Text().ShouldBe("40");
        change.QuerySelector(".after")!.Text().ShouldBe("45");
        await using (var scope = app.CreateDbScope())
        {
            (await scope.Db.IndicatorYears.SingleAsync(iy => iy.Year == 2020)).Result.ShouldBe(40m);
        }

        var confirm = await client.PostFormAsync($"{preview}?handler=Confirm", new Dictionary<string, string>(), pagePath: preview);

        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetDocumentAsync(confirm.Location()!)).QuerySelector("#import-message")!.Text().ShouldContain("1 row changed");
        await using (var scope = app.CreateDbScope())
        {
            (await scope.Db.IndicatorYears.SingleAsync(iy => iy.Year == 2020)).Result.ShouldBe(45m);
            var audit = await scope.Db.AuditEntries.Where(a => a.Year == 2020 && a.Action == AuditAction.Changed).ToListAsync();
            var entry = audit.ShouldHaveSingleItem();
            entry.Field.ShouldBe("Result");
            entry.UserName.ShouldBe(StaffAccounts.EmailFor(StaffRole.Editor));
            entry.Reason.ShouldBe("Import from figures.xlsx");
            (await scope.Db.PendingImports.CountAsync()).ShouldBe(0);
        }
    }

    [Theory, BothProviders]
    public async Task An_upload_drops_the_uploads_left_unconfirmed_for_more_than_a_day_and_keeps_the_newer(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var client = await app.SignedInAsync(StaffRole.Editor);
        var abandoned = Guid.NewGuid();
        var recent = Guid.NewGuid();
        await using (var scope = app.CreateDbScope())
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var (id, age) in new[] { (abandoned, TimeSpan.FromHours(25)), (recent, TimeSpan.FromHours(23)) })
            {
                scope.Db.PendingImports.Add(new PendingImport
                {
                    Id = id, Year = 2020, UserId = "someone", FileName = "left.csv", Format = "csv", Content = [1], UploadedAt = now - age,
                });
            }

            await scope.Db.SaveChangesAsync();
        }

        var template = await client.Client.GetByteArrayAsync(app.Url.ImportTemplate(2020, "xlsx"));
        var upload = await client.UploadAsync(2020, Workbooks.SetCell(template, "Indicators", "F2", 45m), "figures.xlsx");

        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect, await upload.Content.ReadAsStringAsync());
        await using (var check = app.CreateDbScope())
        {
            var kept = await check.Db.PendingImports.Select(p => p.Id).ToListAsync();
            kept.Count.ShouldBe(2);
            kept.ShouldContain(recent);
            kept.ShouldNotContain(abandoned);
        }
    }

    [Theory, BothProviders]
    public async Task An_import_with_one_bad_row_writes_nothing_and_lists_row_column_and_message(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var client = await app.SignedInAsync(StaffRole.Editor);
        var version = await VersionOfDraftIndicatorAsync(app);
        var factsBefore = await FactsOf2020Async(app);
        int auditBefore;
        await using (var before = app.CreateDbScope())
        {
            auditBefore = await before.Db.AuditEntries.CountAsync();
        }

        var file = Workbooks.Xlsx(
            ("Indicators", [Workbooks.IndicatorHeader, ["1.1", null, null, null, 50m, 45m, "Better", null, version]]),
            ("Statistics", [["Metric", "Dimension", "Member", "Value", "Qualifier", "Source", "Note"],
                ["volunteers_deployed", null, null, 9000m, null, null, null],
                ["volunteer_months", null, null, "about a lot", null, null, null]]));

        var upload = await client.UploadAsync(2020, file, "figures.xlsx");

        upload.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await upload.DocumentAsync();
        var error = page.QuerySelector("#import-errors tr[data-row='3'][data-column='Value']").ShouldNotBeNull();
        error.Text().ShouldContain("'about a lot' is not a number");
        await using var scope = app.CreateDbScope();
        (await scope.Db.IndicatorYears.SingleAsync(iy => iy.Year == 2020)).Result.ShouldBe(40m);
        (await FactsOf2020Async(app)).ShouldBe(factsBefore);
        (await scope.Db.AuditEntries.CountAsync()).ShouldBe(auditBefore);
        (await scope.Db.PendingImports.CountAsync()).ShouldBe(0);
    }

    [Theory, BothProviders]
    public async Task A_statistic_changed_since_the_template_was_made_is_refused_not_overwritten(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var client = await app.SignedInAsync(StaffRole.Editor);
        var template = await client.Client.GetByteArrayAsync(app.Url.ImportTemplate(2020, "xlsx"));
        var header = Workbooks.ReadSheet(template, "Statistics")[0];
        header.ShouldBe(["Metric", "Dimension", "Member", "Value", "Qualifier", "Source", "Note", "Version"]);
        var first = Workbooks.ReadSheet(template, "Statistics")[1];

        // Someone corrects that figure on the statistics page after the template was downloaded.
        await using (var scope = app.CreateDbScope())
        {
            var fact = await scope.Db.StatisticFacts.FirstAsync(f => f.Year == 2020 && f.MetricKey == first[0] && f.Member == (first[2] == string.Empty ? null : first[2]));
            var metric = await scope.Db.Metrics.SingleAsync(m => m.Key == fact.MetricKey);
            fact.Correct(metric, fact.Value + 1, fact.Qualifier, fact.Source, fact.Note);
            await scope.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow);
        }

        var factsBefore = await FactsOf2020Async(app);
        var stale = Workbooks.SetCell(template, "Statistics", "D2", 12345m);
        var upload = await client.UploadAsync(2020, stale, "stale.xlsx");

        upload.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await upload.DocumentAsync()).QuerySelector("#import-errors tr[data-row='2'][data-column='Version']").ShouldNotBeNull()
            .Text().ShouldContain("changed since the template was downloaded");
        (await FactsOf2020Async(app)).ShouldBe(factsBefore);
    }

    [Theory, BothProviders]
    public async Task Unknown_duplicate_and_stale_rows_are_refused_by_row(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var client = await app.SignedInAsync(StaffRole.Editor);
        var version = await VersionOfDraftIndicatorAsync(app);

        var unknownAndDuplicate = Workbooks.Csv(
            string.Join(',', Workbooks.IndicatorHeader),
            $"1.1,,,,50,45,,,{version}",
            $"9.9,,,,50,45,,,{version}",
            $"1.1,,,,50,46,,,{version}");
        var page = await (await client.UploadAsync(2020, unknownAndDuplicate, "figures.csv")).DocumentAsync();
        page.QuerySelector("#import-errors tr[data-row='3'][data-column='Key']")!.Text().ShouldContain("Indicator '9.9' is not part of year 2020");
        page.QuerySelector("#import-errors tr[data-row='4'][data-column='Key']")!.Text().ShouldContain("appears twice (also row 2)");

        var stale = Workbooks.Csv(string.Join(',', Workbooks.IndicatorHeader), $"1.1,,,,50,45,,,{version}9");
        page = await (await client.UploadAsync(2020, stale, "figures.csv")).DocumentAsync();
        page.QuerySelector("#import-errors tr[data-row='2'][data-column='Version']")!.Text().ShouldContain("changed since the template was downloaded; download a fresh template");

        await using var scope = app.CreateDbScope();
        (await scope.Db.IndicatorYears.SingleAsync(iy => iy.Year == 2020)).Result.ShouldBe(40m);
        (await scope.Db.PendingImports.CountAsync()).ShouldBe(0);
    }

    [Theory, BothProviders]
    public async Task Files_refused_whole_are_not_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string> { ["Import:MaxUploadBytes"] = "100000" });
        await DraftYear.AddAsync(app);
        using var client = await app.SignedInAsync(StaffRole.Editor);

        async Task<string> RefusalAsync(byte[] content, string name)
        {
            var response = await client.UploadAsync(2020, content, name);
            var page = response.StatusCode == HttpStatusCode.Redirect
                ? await client.GetDocumentAsync(response.Location()!)
                : await response.DocumentAsync();
            return page.QuerySelector("#upload-refused")?.Text() ?? throw new ShouldAssertException(page.DocumentElement.OuterHtml);
        }

        (await RefusalAsync(new byte[2_000_000], "huge.xlsx")).ShouldContain("larger than 97 KB");
        (await RefusalAsync(Encoding.UTF8.GetBytes(new string('x', 100_010)), "just-over.csv")).ShouldContain("larger than 97 KB");
        (await RefusalAsync(Workbooks.ZipBomb(megabytes: 60), "bomb.xlsx")).ShouldContain("unpacks to more than 50 MB");
        (await RefusalAsync([0x25, 0x50, 0x44, 0x46, 0x00, 0x0A], "renamed.xlsx")).ShouldContain("neither an Excel workbook");
        (await RefusalAsync(Encoding.UTF8.GetBytes("just some notes\nnot a table"), "notes.xlsx")).ShouldContain("neither the indicator sheet");
        var wrongColumns = await RefusalAsync(Workbooks.Csv("Key,Milestones,Result", "1.1,5,5"), "figures.csv");
        wrongColumns.ShouldContain("unknown column 'Milestones'");
        wrongColumns.ShouldContain("column Milestone is missing");
        wrongColumns.ShouldContain("Expected columns: Key, Code, Title, Unit, Milestone, Result, NarrativeEn, NarrativeZh, Version");

        await using var scope = app.CreateDbScope();
        (await scope.Db.PendingImports.CountAsync()).ShouldBe(0);
    }

    [Theory, BothProviders]
    public async Task Only_editors_and_above_import_and_only_into_a_year_open_to_them(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var anonymous = app.Visitor();
        using var viewer = await app.SignedInAsync(StaffRole.Viewer);
        using var editor = await app.SignedInAsync(StaffRole.Editor);

        (await anonymous.GetAsync(app.Url.Import(2020))).Location()!.ShouldContain(app.Url.SignIn);
        (await viewer.GetAsync(app.Url.Import(2020))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.UploadAsync(2020, Workbooks.Csv("Key"), "x.csv", withToken: false)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var confirm = await viewer.PostAsync($"{app.Url.Import(2020)}/{Guid.NewGuid()}?handler=Confirm", new FormUrlEncodedContent([]));
        confirm.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await editor.GetAsync(app.Url.ImportTemplate(2021, "xlsx"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = await editor.AntiforgeryTokenAsync(app.Url.Import(2020));

        await using (var scope = app.CreateDbScope())
        {
            await scope.Db.ReportingYears.Where(y => y.Year == 2020).ExecuteUpdateAsync(s => s.SetProperty(y => y.Status, ReportingStatus.Submitted));
        }

        var version = await VersionOfDraftIndicatorAsync(app);
        var upload = await editor.UploadAsync(2020, Workbooks.Csv(string.Join(',', Workbooks.IndicatorHeader), $"1.1,,,,50,45,,,{version}"), "figures.csv", token: token);
        (await upload.DocumentAsync()).QuerySelector("#upload-refused")!.Text().ShouldContain("submitted for review and cannot be changed");
        var page = await editor.GetDocumentAsync(app.Url.Import(2020));
        page.QuerySelector("#import-closed")!.Text().ShouldContain("submitted for review and cannot be changed");
        page.QuerySelector("#upload-form").ShouldBeNull();
        await using var check = app.CreateDbScope();
        (await check.Db.IndicatorYears.SingleAsync(iy => iy.Year == 2020)).Result.ShouldBe(40m);
        (await check.Db.PendingImports.CountAsync()).ShouldBe(0);
    }

    [Theory, BothProviders]
    public async Task Uploads_of_one_year_confirmed_at_once_are_all_imported(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var approver = await app.SignedInAsync(StaffRole.Approver);
        List<string> keys;
        List<string> lines;
        await using (var read = app.CreateDbScope())
        {
            var rows = await read.Db.IndicatorYears.Include(iy => iy.Indicator).Where(iy => iy.Year == 2021).OrderBy(iy => iy.Id).Take(4).ToListAsync();
            keys = rows.Select(iy => iy.Indicator.Key).ToList();

            // Each file holds only its own row (narratives left empty), so the files touch different rows.
            lines = rows.Select(iy => string.Join(',', iy.Indicator.Key, "", "", "", Plain(iy.Milestone), "42", "", "", ConcurrencyVersion.Of(read.Db.Entry(iy)))).ToList();
        }

        var previews = new List<string>();
        foreach (var (line, i) in lines.Select((line, i) => (line, i)))
        {
            var upload = await approver.UploadAsync(2021, Workbooks.Csv(string.Join(',', Workbooks.IndicatorHeader), line), $"row-{i}.csv");
            upload.StatusCode.ShouldBe(HttpStatusCode.Redirect, await upload.Content.ReadAsStringAsync());
            previews.Add(upload.Location()!);
        }

        var token = await approver.AntiforgeryTokenAsync(previews[0]);

        // Every import holds the year, so confirmations that run together collide on it; they are
        // tried again rather than refused, since none of them overwrote another.
        var answers = await Task.WhenAll(previews.Select(preview => approver.PostAsync($"{preview}?handler=Confirm", new FormUrlEncodedContent(
            [new("Reason", "Results checked against the report"), new("__RequestVerificationToken", token)]))));

        answers.Where(a => a.StatusCode != HttpStatusCode.Redirect).Select(a => $"{(int)a.StatusCode} {a.Content.ReadAsStringAsync().Result}").ShouldBeEmpty();
        await using var scope = app.CreateDbScope();
        (await scope.Db.IndicatorYears.Where(iy => iy.Year == 2021 && keys.Contains(iy.Indicator.Key)).Select(iy => iy.Result).ToListAsync())
            .ShouldBe([42m, 42m, 42m, 42m]);
        (await scope.Db.PendingImports.CountAsync()).ShouldBe(0);
    }

    private static async Task<List<string>> FactsOf2020Async(TestApp app)
    {
        await using var scope = app.CreateDbScope();
        return (await scope.Db.StatisticFacts.Where(f => f.Year == 2020).ToListAsync())
            .Select(f => $"{f.MetricKey} {f.Dimension} {f.Member} {f.Value:0.####}").Order().ToList();
    }

    private static string Plain(decimal? value) =>
        value is { } v ? v.ToString("G29", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;

    private static async Task<string> VersionOfDraftIndicatorAsync(TestApp app)
    {
        await using var scope = app.CreateDbScope();
        var row = await scope.Db.IndicatorYears.SingleAsync(iy => iy.Year == 2020);
        return ConcurrencyVersion.Of(scope.Db.Entry(row));
    }
}
