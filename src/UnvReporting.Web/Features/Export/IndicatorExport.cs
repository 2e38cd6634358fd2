using UnvReporting.Web.Features.Indicators;

namespace UnvReporting.Web.Features.Export;

/// <summary>
/// The columns of the indicator exports: one row per indicator-year, with the score, colour and
/// flags the domain's scoring computed (the same <see cref="ScoredIndicatorYear"/> the pages and
/// the API show) beside the published ones.
/// </summary>
public static class IndicatorExport
{
    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("Year", ColumnKind.Whole, 7),
        new("Framework", ColumnKind.Text, 11),
        new("Outcome", ColumnKind.Text, 9),
        new("Output", ColumnKind.Text, 8),
        new("Key", ColumnKind.Text, 8),
        new("Code as published", ColumnKind.Text, 10),
        new("Definition (English)", ColumnKind.Text, 60),
        new("Definition (Chinese)", ColumnKind.Text, 40),
        new("Unit", ColumnKind.Text, 14),
        new("Milestone", ColumnKind.Number, 12),
        new("Result", ColumnKind.Number, 12),
        new("Score %", ColumnKind.Whole, 9),
        new("Exact score %", ColumnKind.TwoDecimals, 11),
        new("Colour", ColumnKind.Colour, 9),
        new("Published score %", ColumnKind.Whole, 11),
        new("Published colour", ColumnKind.Colour, 11),
        new("Flags", ColumnKind.Text, 40),
        new("Source", ColumnKind.Text, 26),
        new("Narrative (English)", ColumnKind.Text, 60),
        new("Narrative (Chinese)", ColumnKind.Text, 40),
        new("Note", ColumnKind.Text, 40),
        new("No data: reason", ColumnKind.Text, 40),
    ];

    public static object?[] Row(ScoredIndicatorYear item)
    {
        var f = item.Figures;
        return
        [
            f.Year,
            f.Framework,
            f.OutcomeCode,
            f.OutputCode,
            f.Key,
            f.Code,
            f.TitleEn,
            f.TitleZh,
            f.Unit,
            Measure.Of(f.Milestone, f.Unit),
            Measure.Of(f.Result, f.Unit),
            item.Score.WholePercent,
            item.Score.PercentToTwoDecimals,
            item.Rating,
            f.PublishedScorePercent,
            f.PublishedRating,
            Flags(item.Flags),
            f.Source,
            f.NarrativeEn,
            f.NarrativeZh,
            f.Note,
            f.MissingDataReason,
        ];
    }

    /// <summary>
    /// The flags as one text, with the codes of the API and the two values that disagree:
    /// "score-differs-from-published (computed 134, published 126)".
    /// </summary>
    public static string? Flags(IReadOnlyList<ScoreFlag> flags) =>
        flags.Count == 0 ? null : string.Join("; ", flags.Select(flag => FlagDto.From(flag) is var dto
            ? string.Create(CultureInfo.InvariantCulture, $"{dto.Code} (computed {dto.Computed ?? "none"}, published {dto.Published})")
            : null));
}
