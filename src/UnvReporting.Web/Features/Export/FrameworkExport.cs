using UnvReporting.Web.Features.Frameworks;

namespace UnvReporting.Web.Features.Export;

/// <summary>
/// A framework's progress as a table, one row per indicator, from the same view as the framework
/// page and the API (<see cref="FrameworkQueries.LoadProgressAsync"/>): baseline, each published
/// year's milestone, result and colour, the end target and progress toward it, and the mid-term
/// review's published percentages beside the computed ones.
/// </summary>
public static class FrameworkExport
{
    /// <remarks>
    /// A column per published year, so the headers are made here, in <paramref name="text"/>'s
    /// language (English for CSV, whose headers are a contract for programs).
    /// </remarks>
    public static IReadOnlyList<ExportColumn> Columns(FrameworkProgressView view, IStringLocalizer<SharedResource> text)
    {
        var columns = new List<ExportColumn>
        {
            new(text["Framework"], ColumnKind.Text, 11),
            new(text["Key"], ColumnKind.Text, 8),
            new(text["Code as published"], ColumnKind.Text, 10),
            new(text["Definition (English)"], ColumnKind.Text, 60),
            new(text["Definition (Chinese)"], ColumnKind.Text, 40),
            new(text["Unit"], ColumnKind.Text, 14),
            new(text["Baseline"], ColumnKind.Number, 12),
            new(text["Baseline year"], ColumnKind.Whole, 9),
        };
        foreach (var year in view.ReportedYears)
        {
            columns.Add(new(text["Milestone {0}", year], ColumnKind.Number, 12));
            columns.Add(new(text["Result {0}", year], ColumnKind.Number, 12));
            columns.Add(new(text["Colour {0}", year], ColumnKind.Colour, 9));
        }

        columns.AddRange(
        [
            new(text["End target"], ColumnKind.Number, 12),
            new(text["Target year"], ColumnKind.Whole, 9),
            new(text["Latest result"], ColumnKind.Number, 12),
            new(text["Progress %"], ColumnKind.Whole, 10),
            new(text["Progress colour"], ColumnKind.Colour, 10),
            new(text["Mid-term review"], ColumnKind.Text, 50),
        ]);
        return columns;
    }

    public static IEnumerable<object?[]> Rows(FrameworkProgressView view) =>
        view.Indicators.Where(track => track.Years.Count > 0).Select(track => Row(view, track));

    private static object?[] Row(FrameworkProgressView view, IndicatorTrack track)
    {
        var latest = track.Latest;
        var row = new List<object?>
        {
            view.Heading.Code, latest.Key, latest.Code, latest.TitleEn, latest.TitleZh, latest.Unit,
            Measure.Of(track.Plan?.Baseline, latest.Unit), track.Plan?.BaselineYear,
        };
        foreach (var year in view.ReportedYears)
        {
            var figures = track.In(year);
            row.Add(Measure.Of(figures?.Figures.Milestone, latest.Unit));
            row.Add(Measure.Of(figures?.Figures.Result, latest.Unit));
            row.Add(figures?.Rating);
        }

        var progress = track.Progress;
        row.Add(Measure.Of(progress.EndTarget, latest.Unit));
        row.Add(progress.TargetYear);
        row.Add(Measure.Of(progress.Latest, latest.Unit));
        row.Add(progress.Score.WholePercent);
        row.Add(progress.Score.Rating);
        row.Add(track.Reviews.Count == 0 ? null : string.Join("; ", track.Reviews.Select(Review)));
        return row.ToArray();
    }

    /// <summary>"2018-2019: published 109%, computed 112% (differs), DP/2020/14 para 64": the review's words are the report's, in English.</summary>
    private static string Review(ReviewFigure review) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{review.FromYear}-{review.ToYear}: published {review.PublishedPercent}%, computed {(review.Computed?.WholePercent is { } computed ? $"{computed}%" : "cannot be computed from the published years")}{(review.Differs ? " (differs)" : "")}, {review.Source}");
}
