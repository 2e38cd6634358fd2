using UnvReporting.Web.Features.Frameworks;
using UnvReporting.Web.Features.Statistics;

namespace UnvReporting.Web.Features.Export;

/// <summary>The Board pack's last two sections: the framework's progress to its end targets and the year's headline statistics.</summary>
public static class BoardPackFramework
{
    /// <summary>
    /// The progress table of the framework page and <c>/export/frameworks/{code}.xlsx</c>, cut to
    /// what a landscape page holds: each year's result filled with its colour, the end target and
    /// the progress toward it. The milestones are in the year's own tables.
    /// </summary>
    public static void Write(DocxExport docx, FrameworkProgressView view, IReadOnlyList<IndicatorTrack> tracks, IStringLocalizer<SharedResource> text, DisplayFormat format)
    {
        const int Code = 900, Figure = 1250, Year = 1300, Progress = 1250, Colour = 1300;

        // The plans of the seeded frameworks give no baselines: an empty column would only take room.
        var baselines = tracks.Any(t => t.Plan?.Baseline is not null);
        var fixedWidth = Code + (baselines ? 2 : 1) * Figure + view.ReportedYears.Count * Year + Progress + Colour;
        var columns = new List<DocxColumn>
        {
            new(text["Code"], Code),
            new(text["Indicator"], docx.TextWidth - fixedWidth),
        };
        if (baselines)
        {
            columns.Add(new(text["Baseline"], Figure, Figure: true));
        }

        columns.AddRange(view.ReportedYears.Select(year => new DocxColumn(text["Result {0}", year], Year, Figure: true)));
        columns.AddRange(
        [
            new(text["End target"], Figure, Figure: true),
            new(text["Progress %"], Progress, Figure: true),
            new(text["Progress colour"], Colour),
        ]);

        var summary = view.Summary;
        docx.Paragraph(text[Plural.Of(summary.Total, "Of {0} indicator, against the end target:", "Of {0} indicators, against the end target:"), summary.Total]
            + " " + text["{0} green, {1} yellow, {2} red, {3} grey.", summary.Green, summary.Yellow, summary.Red, summary.Grey], "Lead");
        docx.StartTable(columns);
        foreach (var track in tracks)
        {
            var latest = track.Latest;
            var cells = new List<DocxCell> { new(latest.Code), new(latest.Title) };
            if (baselines)
            {
                cells.Add(new(Optional(track.Plan?.Baseline, latest.Unit, format)));
            }

            foreach (var year in view.ReportedYears)
            {
                cells.Add(track.In(year) is { } figures
                    ? new DocxCell(format.Value(figures.Figures.Result, latest.Unit), ExportStyles.FillHex(figures.Rating), format.Rating(figures.Rating))
                    : new DocxCell("–"));
            }

            var progress = track.Progress;
            cells.Add(new(progress.EndTarget is { } target ? format.Value(target, latest.Unit) : text["not set"]));
            cells.Add(new(format.Score(progress.Score)));
            cells.Add(new(format.Rating(progress.Score.Rating), ExportStyles.FillHex(progress.Score.Rating)));
            docx.Row(columns, cells);
        }

        docx.EndTable();
        docx.Paragraph(text["Progress is the latest published result as a share of the end target, scored and coloured like a year's score."], "Note");
    }

    /// <summary>The statistics page's headline figures, with the change on the year before and their sources.</summary>
    public static void WriteStatistics(DocxExport docx, int year, YearFigures? statistics, IStringLocalizer<SharedResource> text, DisplayFormat format)
    {
        if (statistics is null)
        {
            docx.Paragraph(text["No volunteer statistics are published for {0}.", year]);
            return;
        }

        var width = docx.TextWidth;
        List<DocxColumn> columns =
        [
            new(text["Figure"], width - 1800 - 3200 - 1900),
            new(text["Value"], 1800, Figure: true),
            new(text["Change"], 3200),
            new(text["Source"], 1900),
        ];
        docx.StartTable(columns);
        foreach (var tile in statistics.Tiles)
        {
            var value = tile.Fact is { } fact ? format.Value(fact.Value, tile.Unit, fact.Qualifier) : format.Value(null, tile.Unit);
            var change = tile.Fact is { } f && tile.Prior is { } prior
                ? text["{0} on {1} ({2})", format.Change(f.Value, prior.Value, tile.Unit), year - 1, format.Value(prior.Value, tile.Unit, prior.Qualifier)].Value
                : null;
            var stated = tile.StatedGrowth is { } growth
                ? text["Change on the year before, as the report gives it: {0} ({1})", format.Value(growth.Value, growth.Unit, growth.Qualifier), SourceText.Plain(growth.Source, text)].Value
                : null;
            docx.Row(columns, [new(tile.Name), new(value), new(change ?? stated, SecondLine: change is null ? null : stated), new(tile.Fact?.Source is { } source ? SourceText.Plain(source, text) : null)]);
        }

        docx.EndTable();
    }

    private static string? Optional(decimal? value, Unit unit, DisplayFormat format) => value is null ? null : format.Value(value, unit);
}
