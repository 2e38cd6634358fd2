using Microsoft.EntityFrameworkCore.Storage;
using UnvReporting.Web.Features.Frameworks;
using UnvReporting.Web.Features.Indicators;
using UnvReporting.Web.Features.Statistics;
using UnvReporting.Web.Platform.Caching;

namespace UnvReporting.Web.Features.Export;

/// <summary>
/// The downloads (docs/exports.md): a year's indicators and statistics as CSV and XLSX, and every
/// year's indicators in one workbook. The numbers come from the same queries and the same scoring
/// as the pages; visitors get published years only, signed-in staff every year and the change log.
/// </summary>
public static class ExportEndpoints
{
    private static readonly double[] NotesWidths = [22, 90, 50, 40, 12];

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        const string Csv = "text/csv";
        const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

        // Files, not JSON: the document lists them with their content types, and the problems they answer.
        // A database outage gets the pages' error page (503, text/html), as /export is not under /api.
        var exports = app.MapGroup("/export")
            .WithTags("Exports")
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(string), ["text/html"]));
        YearFile(exports, "/{year}/indicators.csv", IndicatorsCsvAsync, Csv, "exportYearIndicatorsCsv",
            "Indicators of a year as CSV",
            "A year's indicators as CSV, one row per indicator-year in report order, as an attachment unv-{year}-indicators.csv.");
        YearFile(exports, "/{year}/indicators.xlsx", IndicatorsXlsxAsync, Xlsx, "exportYearIndicatorsXlsx",
            "Indicators of a year as XLSX",
            "A year's indicators as a workbook with a Notes sheet (and a Change log sheet for staff), unv-{year}-indicators.xlsx.");
        YearFile(exports, "/{year}/statistics.csv", StatisticsCsvAsync, Csv, "exportYearStatisticsCsv",
            "Statistics of a year as CSV",
            "Every statistic fact of a year as CSV, unv-{year}-statistics.csv.");
        YearFile(exports, "/{year}/statistics.xlsx", StatisticsXlsxAsync, Xlsx, "exportYearStatisticsXlsx",
            "Statistics of a year as XLSX",
            "Every statistic fact of a year as a workbook with a Notes sheet (and a Change log sheet for staff), unv-{year}-statistics.xlsx.");
        YearFile(exports, "/{year}/board-pack.docx", BoardPackAsync, DocxExport.ContentType, "exportYearBoardPack",
            "Board pack of a year as DOCX",
            "A year's results as a Word document laid out like an Executive Board annex, in the reader's language: summary, a table per outcome and output, the framework's progress and the headline statistics, unv-{year}-board-pack.docx. A draft year (staff only) is marked Draft on every page.");

        Download(exports, "/frameworks/{code}.csv", FrameworkCsvAsync, Csv, "exportFrameworkCsv",
                "Progress of a framework as CSV",
                "One row per indicator of the framework: baseline, each published year's milestone, result and colour, the end target, progress toward it and the mid-term review's percentages, unv-framework-{code}.csv.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        Download(exports, "/frameworks/{code}.xlsx", FrameworkXlsxAsync, Xlsx, "exportFrameworkXlsx",
                "Progress of a framework as XLSX",
                "The framework's progress table as a workbook with a Notes sheet, unv-framework-{code}.xlsx.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The whole-history files read every year, so a client fetching them in a loop would keep
        // the server's cores busy. Visitors get them from the output cache, like the pages: one
        // build per change of published data (a random query string is no new key). Staff, who
        // also see drafts and the change log, are never served from it.
        Download(exports, "/indicators.xlsx", AllIndicatorsXlsxAsync, Xlsx, "exportAllIndicatorsXlsx",
                "Indicators of every year as XLSX",
                "Every year the reader may see in one workbook: an All years sheet, a sheet per year, Notes (and Change log for staff), unv-indicators.xlsx.")
            .CacheOutput(PublishedCache.Policy);

        // The whole history as CSV only: it can pass the million rows an XLSX sheet holds.
        Download(exports, "/statistics.csv", AllStatisticsCsvAsync, Csv, "exportAllStatisticsCsv",
                "Statistics of every year as CSV",
                "Every statistic fact of every year the reader may see, as one streamed CSV, unv-statistics.csv.")
            .CacheOutput(PublishedCache.Policy);
        return app;
    }

    /// <summary>A file of one year: answers 400 for a malformed year and 404 for one the reader may not see.</summary>
    private static void YearFile(RouteGroupBuilder exports, string pattern, Delegate handler, string contentType, string name, string summary, string description) =>
        Download(exports, pattern, handler, contentType, name, summary, description)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>A file download as the API document lists it: its name, words and content type.</summary>
    private static RouteHandlerBuilder Download(RouteGroupBuilder exports, string pattern, Delegate handler, string contentType, string name, string summary, string description) =>
        exports.MapGet(pattern, handler)
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description)
            .Produces(StatusCodes.Status200OK, typeof(Stream), contentType);

    private static async Task<IResult> IndicatorsCsvAsync(string year, HttpContext context, UnvDbContext db, CancellationToken cancellationToken)
    {
        if (ParseYear(year, out var number) is { } invalid)
        {
            return invalid;
        }

        var table = await db.LoadYearTableAsync(number, cancellationToken, await StaffReader.VisibilityAsync(context));
        if (table is null)
        {
            return UnknownYear(number);
        }

        await CsvExport.WriteAsync(context.Response, $"unv-{number}-indicators.csv", IndicatorExport.Columns, table.Indicators.Select(IndicatorExport.Row).ToAsyncEnumerable(), cancellationToken);
        return Results.Empty;
    }

    private static async Task<IResult> IndicatorsXlsxAsync(string year, HttpContext context, UnvDbContext db, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        if (ParseYear(year, out var number) is { } invalid)
        {
            return invalid;
        }

        var visibility = await StaffReader.VisibilityAsync(context);
        var table = await db.LoadYearTableAsync(number, cancellationToken, visibility);
        if (table is null)
        {
            return UnknownYear(number);
        }

        await using var xlsx = await XlsxExport.StartAsync(text, cancellationToken);
        await xlsx.AddTableAsync(SheetName(number), IndicatorExport.Columns, table.Indicators.Count, table.Indicators.Select(IndicatorExport.Row), cancellationToken);
        await AddNotesAsync(xlsx, db, [table.Heading], table.Indicators.Select(i => i.Figures.SourceSymbol), visibility, number, text, cancellationToken);
        return await xlsx.ToResultAsync($"unv-{number}-indicators.xlsx", cancellationToken);
    }

    private static async Task<IResult> BoardPackAsync(string year, HttpContext context, UnvDbContext db, IStringLocalizer<SharedResource> text, DisplayFormat format, CancellationToken cancellationToken)
    {
        if (ParseYear(year, out var number) is { } invalid)
        {
            return invalid;
        }

        var pack = await BoardPack.LoadAsync(db, number, await StaffReader.VisibilityAsync(context), text, cancellationToken);
        return pack is null ? UnknownYear(number) : await BoardPack.WriteAsync(pack, text, format);
    }

    private static async Task<IResult> AllIndicatorsXlsxAsync(HttpContext context, UnvDbContext db, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var visibility = await StaffReader.VisibilityAsync(context);
        var years = await db.VisibleYearsAsync(visibility, cancellationToken);
        var symbols = new HashSet<string>(StringComparer.Ordinal);

        // The long sheet has a row for each indicator-year of those years, as the year tables give them.
        var numbers = years.Select(y => y.Year).ToList();
        var rowCount = await db.IndicatorYears.CountAsync(iy => numbers.Contains(iy.Year), cancellationToken);

        await using var xlsx = await XlsxExport.StartAsync(text, cancellationToken);

        // One year in memory at a time: the long sheet reads each year again rather than keeping all.
        await xlsx.AddTableAsync(text["All years"], IndicatorExport.Columns, rowCount, AllRowsAsync(db, years, visibility, symbols, cancellationToken), cancellationToken);
        foreach (var heading in years)
        {
            var table = await db.LoadYearTableAsync(heading, cancellationToken, visibility);
            await xlsx.AddTableAsync(SheetName(heading.Year), IndicatorExport.Columns, table.Indicators.Count, table.Indicators.Select(IndicatorExport.Row), cancellationToken);
        }

        // Then each framework's progress to its end, for the frameworks with indicators the reader may see.
        foreach (var framework in await db.VisibleFrameworkHeadingsAsync(visibility, cancellationToken))
        {
            if (await db.LoadProgressAsync(framework.Code, visibility, cancellationToken) is { } view && view.Indicators.Any(i => i.Years.Count > 0))
            {
                await AddFrameworkAsync(xlsx, view, text, cancellationToken);
            }
        }

        await AddNotesAsync(xlsx, db, years, symbols, visibility, year: null, text, cancellationToken);
        return await xlsx.ToResultAsync("unv-indicators.xlsx", cancellationToken);
    }

    private static async Task<IResult> FrameworkCsvAsync(string code, HttpContext context, UnvDbContext db, CancellationToken cancellationToken)
    {
        var view = await db.LoadProgressAsync(code, await StaffReader.VisibilityAsync(context), cancellationToken);
        if (view is null)
        {
            return UnknownFramework(code);
        }

        await CsvExport.WriteAsync(context.Response, $"unv-framework-{view.Heading.Code}.csv", FrameworkExport.Columns(view, Words.English), FrameworkExport.Rows(view).ToAsyncEnumerable(), cancellationToken);
        return Results.Empty;
    }

    private static async Task<IResult> FrameworkXlsxAsync(string code, HttpContext context, UnvDbContext db, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var visibility = await StaffReader.VisibilityAsync(context);
        var view = await db.LoadProgressAsync(code, visibility, cancellationToken);
        if (view is null)
        {
            return UnknownFramework(code);
        }

        await using var xlsx = await XlsxExport.StartAsync(text, cancellationToken);
        await AddFrameworkAsync(xlsx, view, text, cancellationToken);
        var years = (await db.VisibleYearsAsync(visibility, cancellationToken)).Where(y => view.ReportedYears.Contains(y.Year)).ToList();
        await xlsx.AddTextSheetAsync(text["Notes"], NotesWidths, await ExportNotes.RowsAsync(db, years, [], text, cancellationToken), cancellationToken);
        return await xlsx.ToResultAsync($"unv-framework-{view.Heading.Code}.xlsx", cancellationToken);
    }

    private static Task AddFrameworkAsync(XlsxExport xlsx, FrameworkProgressView view, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var rows = FrameworkExport.Rows(view).ToList();
        return xlsx.AddTableAsync(text["Framework {0}", view.Heading.Code], FrameworkExport.Columns(view, text), rows.Count, rows, cancellationToken);
    }

    private static async Task<IResult> StatisticsCsvAsync(string year, HttpContext context, UnvDbContext db, CancellationToken cancellationToken)
    {
        if (ParseYear(year, out var number) is { } invalid)
        {
            return invalid;
        }

        var visibility = await StaffReader.VisibilityAsync(context);
        if (!await db.HasVisibleStatisticsYearAsync(number, visibility, cancellationToken))
        {
            return UnknownYear(number);
        }

        await StreamAsync(db, context.Response, response =>
            CsvExport.WriteAsync(response, $"unv-{number}-statistics.csv", StatisticsExport.Columns, StatisticsExport.RowsAsync(db, number, visibility, cancellationToken), cancellationToken), cancellationToken);
        return Results.Empty;
    }

    private static async Task<IResult> AllStatisticsCsvAsync(HttpContext context, UnvDbContext db, CancellationToken cancellationToken)
    {
        var visibility = await StaffReader.VisibilityAsync(context);
        await StreamAsync(db, context.Response, response =>
            CsvExport.WriteAsync(response, "unv-statistics.csv", StatisticsExport.Columns, StatisticsExport.RowsAsync(db, year: null, visibility, cancellationToken), cancellationToken), cancellationToken);
        return Results.Empty;
    }

    /// <summary>
    /// Streams rows from the database to the response. Under a retrying execution strategy
    /// (PostgreSQL) EF Core reads a whole result into memory before the first row, so that it
    /// could run the query again: the whole history, in memory (docs/performance.md). These queries run
    /// under a strategy that never retries, so EF Core streams them; a database failure in the
    /// middle breaks the download off, and the reader starts it again.
    /// </summary>
    private static Task StreamAsync(UnvDbContext db, HttpResponse response, Func<HttpResponse, Task> write, CancellationToken cancellationToken) =>
        new NoRetries(db).ExecuteAsync(_ => write(response), cancellationToken);

    /// <summary>An execution strategy that runs once: EF Core decides from it not to buffer.</summary>
    private sealed class NoRetries(DbContext context) : ExecutionStrategy(context, 0, TimeSpan.Zero)
    {
        protected override bool ShouldRetryOn(Exception exception) => false;
    }

    private static async Task<IResult> StatisticsXlsxAsync(string year, HttpContext context, UnvDbContext db, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        if (ParseYear(year, out var number) is { } invalid)
        {
            return invalid;
        }

        var visibility = await StaffReader.VisibilityAsync(context);
        if (!await db.HasVisibleStatisticsYearAsync(number, visibility, cancellationToken))
        {
            return UnknownYear(number);
        }

        var rowCount = await StatisticsExport.CountAsync(db, number, visibility, cancellationToken);
        await using var xlsx = await XlsxExport.StartAsync(text, cancellationToken);
        await xlsx.AddTableAsync(SheetName(number), StatisticsExport.Columns, rowCount, StatisticsExport.RowsAsync(db, number, visibility, cancellationToken), cancellationToken);
        var symbols = await db.StatisticFacts.AsNoTracking().Where(f => f.Year == number).Select(f => f.Source.DocumentSymbol).Distinct().ToListAsync(cancellationToken);
        await xlsx.AddTextSheetAsync(text["Notes"], NotesWidths, await ExportNotes.StatisticsRowsAsync(db, symbols, text, cancellationToken), cancellationToken);
        if (visibility == YearVisibility.Everything)
        {
            await AddChangeLogAsync(xlsx, db, number, text, cancellationToken);
        }

        return await xlsx.ToResultAsync($"unv-{number}-statistics.xlsx", cancellationToken);
    }

    private static async IAsyncEnumerable<object?[]> AllRowsAsync(
        UnvDbContext db, IReadOnlyList<YearHeading> years, YearVisibility visibility, HashSet<string> symbols, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var heading in years)
        {
            var table = await db.LoadYearTableAsync(heading, cancellationToken, visibility);
            foreach (var item in table.Indicators)
            {
                symbols.Add(item.Figures.SourceSymbol);
                yield return IndicatorExport.Row(item);
            }
        }
    }

    private static async Task AddNotesAsync(
        XlsxExport xlsx, UnvDbContext db, IReadOnlyList<YearHeading> years, IEnumerable<string> symbols, YearVisibility visibility, int? year,
        IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        await xlsx.AddTextSheetAsync(text["Notes"], NotesWidths, await ExportNotes.RowsAsync(db, years, symbols, text, cancellationToken), cancellationToken);

        // The audit trail names staff and shows figures of unpublished years: staff only.
        if (visibility == YearVisibility.Everything)
        {
            await AddChangeLogAsync(xlsx, db, year, text, cancellationToken);
        }
    }

    private static async Task AddChangeLogAsync(XlsxExport xlsx, UnvDbContext db, int? year, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
        await xlsx.AddTableAsync(
            text["Change log"], ExportNotes.ChangeLogColumns, await ExportNotes.ChangeLogCountAsync(db, year, cancellationToken),
            ExportNotes.ChangeLogAsync(db, year, cancellationToken), cancellationToken);

    private static string SheetName(int year) => year.ToString(CultureInfo.InvariantCulture);

    // The year is read here rather than bound as an int, so a malformed one gets a problem
    // answer like the API's instead of the pages' error page.
    private static IResult? ParseYear(string text, out int year) =>
        !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year)
            ? ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid year", "A year is a whole number such as 2021.")
            : ApiProblems.CheckYear(year);

    private static IResult UnknownFramework(string code) =>
        ApiProblems.Problem(StatusCodes.Status404NotFound, "No such framework", $"'{code}' is not a framework you may see (for example 2018-2021).");

    private static IResult UnknownYear(int year) =>
        ApiProblems.Problem(StatusCodes.Status404NotFound, "No such year", $"{year} is not a reporting year you may see, or it has no figures.");
}
