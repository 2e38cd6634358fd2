using UnvReporting.Web.Features.Frameworks;
using UnvReporting.Web.Features.Indicators;
using UnvReporting.Web.Features.Statistics;

namespace UnvReporting.Web.Features.Export;

/// <summary>What a year's Board pack shows, read with the queries of the year, framework and statistics pages.</summary>
/// <param name="Session">The Executive Board session of the year's report, when the year names one.</param>
/// <param name="Statistics">The headline figures, or null when the year has none the reader may see.</param>
public sealed record BoardPackContent(YearTable Table, string? Session, FrameworkProgressView? Framework, YearFigures? Statistics)
{
    /// <summary>A year the public has not seen yet (only staff get one): every page says draft.</summary>
    public bool IsDraft => !ReportingYear.IsPublic(Table.Heading.Status);
}

/// <summary>
/// A year's results as a Word document laid out like an annex of the Administrator's report to
/// the Executive Board (docs/exports.md): title, contents, the colour summary, a table per
/// outcome and output, the framework's progress and the headline statistics. Every figure and
/// word is the pages' own: the same queries, the scoring of the domain, <see cref="DisplayFormat"/>
/// and the shared texts, in the reader's language.
/// </summary>
public static class BoardPack
{
    public static async Task<BoardPackContent?> LoadAsync(UnvDbContext db, int year, YearVisibility visibility, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        if (await db.LoadYearTableAsync(year, cancellationToken, visibility) is not { } table)
        {
            return null;
        }

        var session = table.Heading.DocumentSymbol is { } symbol
            ? await db.SourceDocuments.AsNoTracking().Where(d => d.Symbol == symbol).Select(d => d.Session).FirstOrDefaultAsync(cancellationToken)
            : null;
        var framework = await db.LoadProgressAsync(table.Heading.Framework, visibility, cancellationToken);
        var facts = await db.StatisticsOfYearsAsync([year, year - 1], YearFigures.Drawn, visibility, cancellationToken);
        var statistics = facts.Any(f => f.Year == year) ? new YearFigures(year, facts, await StatisticNames.LoadAsync(db, cancellationToken), text) : null;
        return new BoardPackContent(table, session, framework, statistics);
    }

    public static async Task<IResult> WriteAsync(BoardPackContent pack, IStringLocalizer<SharedResource> text, DisplayFormat format)
    {
        var heading = pack.Table.Heading;
        var outcomes = OutcomeGroup.Group(pack.Table.Indicators, pack.Table.Summary);
        var tracks = pack.Framework?.Indicators.Where(t => t.Years.Count > 0).ToList() ?? [];

        var contents = new List<(int Level, string Text)> { (1, text["Summary"]) };
        foreach (var outcome in outcomes)
        {
            contents.Add((1, OutcomeTitle(outcome, text)));
            contents.AddRange(outcome.Outputs.Select(output => (2, OutputTitle(output, text))));
        }

        if (tracks.Count > 0)
        {
            contents.Add((1, text["Progress toward the end targets of Strategic Framework {0}", heading.Framework]));
        }

        contents.Add((1, text["Headline figures"]));

        await using var docx = DocxExport.Start(Localization.IsChinese ? "zh-CN" : "en-GB", pack.IsDraft ? text["Draft"].Value : null);
        docx.Paragraph(pack.IsDraft ? text["UNV results {0} (draft)", heading.Year] : text["UNV results {0}", heading.Year], "Title");
        if (heading.DocumentSymbol is { } symbol)
        {
            docx.Paragraph(text["Source report: {0}", symbol], "Subtitle");
        }

        if (pack.Session is { } session)
        {
            docx.Paragraph(text["Executive Board session: {0}", SessionText.Translate(session, text) ?? session], "Subtitle");
        }

        docx.Paragraph(text["Strategic Framework {0}.", heading.Framework], "Subtitle");
        if (pack.IsDraft)
        {
            docx.Paragraph(text["Draft, not public"], "Subtitle");
        }

        docx.Paragraph(text["Contents"], "TOCHeading");
        docx.TableOfContents(contents);

        WriteSummary(docx, pack.Table, text);
        foreach (var outcome in outcomes)
        {
            docx.Heading(1, OutcomeTitle(outcome, text));
            docx.Paragraph(SummaryCounts(outcome.Counts, text), "Lead");
            WriteIndicators(docx, outcome.Indicators, text, format);
            foreach (var output in outcome.Outputs)
            {
                docx.Heading(2, OutputTitle(output, text));
                WriteIndicators(docx, output.Indicators, text, format);
            }
        }

        if (tracks.Count > 0)
        {
            docx.StartSection(landscape: true);
            docx.Heading(1, text["Progress toward the end targets of Strategic Framework {0}", heading.Framework]);
            BoardPackFramework.Write(docx, pack.Framework!, tracks, text, format);
        }

        docx.StartSection(landscape: false);
        docx.Heading(1, text["Headline figures"]);
        BoardPackFramework.WriteStatistics(docx, heading.Year, pack.Statistics, text, format);
        return docx.ToResult($"unv-{heading.Year}-board-pack.docx");
    }

    private static void WriteSummary(DocxExport docx, YearTable table, IStringLocalizer<SharedResource> text)
    {
        var summary = table.Summary.Overall;
        docx.Heading(1, text["Summary"], pageBreakBefore: true);
        docx.Paragraph(text[Plural.Of(summary.Total, "Of {0} indicator:", "Of {0} indicators:"), summary.Total] + " " + SummaryCounts(summary, text));
        docx.Paragraph(
            text["Score: the result as a percentage of the milestone (the milestone as a percentage of the result where a lower result is better), rounded to a whole percent. Green from {0}%, yellow from {1}%, red below; grey when no score can be computed (a figure is missing, for instance).", table.Heading.GreenFrom, table.Heading.YellowFrom],
            "Note");
    }

    private static void WriteIndicators(DocxExport docx, IReadOnlyList<ScoredIndicatorYear> indicators, IStringLocalizer<SharedResource> text, DisplayFormat format)
    {
        if (indicators.Count == 0)
        {
            return;
        }

        var columns = IndicatorColumns(docx.TextWidth, text);
        docx.StartTable(columns);
        foreach (var item in indicators)
        {
            var figures = item.Figures;
            docx.Row(columns,
            [
                new(figures.Code),
                new(figures.Title),
                new(format.Value(figures.Milestone, figures.Unit)),
                new(format.Value(figures.Result, figures.Unit)),
                new(format.Score(item.Score)),
                new(format.Rating(item.Rating), ExportStyles.FillHex(item.Rating)),
            ]);
        }

        docx.EndTable();

        // The year table's notes: where the report printed another score or colour, and why a figure is missing.
        foreach (var item in indicators)
        {
            foreach (var flag in item.Flags)
            {
                docx.Paragraph($"{item.Figures.Code}: {format.Flag(flag)}", "Note");
            }

            if (item.Figures.MissingDataReason is { } missing)
            {
                docx.Paragraph($"{item.Figures.Code}: {text["No data: {0}", missing]}", "Note");
            }
        }
    }

    private static List<DocxColumn> IndicatorColumns(int width, IStringLocalizer<SharedResource> text) =>
    [
        new(text["Code"], 1000),
        new(text["Indicator"], width - 1000 - 1300 - 1300 - 800 - 1200),
        new(text["Milestone"], 1300, Figure: true),
        new(text["Result"], 1300, Figure: true),
        new(text["Score"], 800, Figure: true),
        new(text["Colour"], 1200),
    ];

    private static string SummaryCounts(RatingCounts counts, IStringLocalizer<SharedResource> text) =>
        text["{0} green, {1} yellow, {2} red, {3} grey.", counts.Green, counts.Yellow, counts.Red, counts.Grey];

    private static string OutcomeTitle(OutcomeGroup outcome, IStringLocalizer<SharedResource> text) =>
        $"{(outcome.Code == "IE" ? text["Institutional effectiveness"] : text["Outcome {0}", outcome.Code])}: {outcome.Title}";

    private static string OutputTitle(OutputGroup output, IStringLocalizer<SharedResource> text) => $"{text["Output {0}", output.Code]}: {output.Title}";
}
