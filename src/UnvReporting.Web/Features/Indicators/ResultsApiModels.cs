using System.Text.Json.Serialization;

namespace UnvReporting.Web.Features.Indicators;

// The shapes of API v1. Property names and enum words are part of the contract
// (docs/api.md); the integration tests pin them.

public sealed record YearDto(int Year, string Framework, string Status);

public sealed record CountsDto(int Green, int Yellow, int Red, int Grey, int Total)
{
    public static CountsDto From(RatingCounts c) => new(c.Green, c.Yellow, c.Red, c.Grey, c.Total);
}

public sealed record OutcomeCountsDto(string Outcome, int Green, int Yellow, int Red, int Grey, int Total);

public sealed record StatedCountsDto(int Green, int Yellow, int Red, int? Grey, string Source);

public sealed record SummaryDto(
    int Year,
    int Green,
    int Yellow,
    int Red,
    int Grey,
    int Total,
    IReadOnlyList<OutcomeCountsDto> ByOutcome,
    StatedCountsDto? Stated,
    bool? MatchesStated)
{
    public static SummaryDto From(YearTable table)
    {
        var overall = table.Summary.Overall;
        var stated = table.Heading.Stated;
        return new SummaryDto(
            table.Heading.Year,
            overall.Green,
            overall.Yellow,
            overall.Red,
            overall.Grey,
            overall.Total,
            table.Summary.ByOutcome
                .Select(a => new OutcomeCountsDto(a.AreaCode, a.Counts.Green, a.Counts.Yellow, a.Counts.Red, a.Counts.Grey, a.Counts.Total))
                .ToList(),
            stated is null ? null : new StatedCountsDto(stated.Green, stated.Yellow, stated.Red, stated.Grey, $"{table.Heading.DocumentSymbol} {stated.Locator}"),
            stated is null ? null : overall.Matches(stated));
    }
}

/// <summary>A disagreement with the published figures: a score flag carries whole percents, a rating flag colour words.</summary>
public sealed record FlagDto(string Code, object? Computed, object? Published)
{
    public static FlagDto From(ScoreFlag flag) => flag switch
    {
        ScoreDiffersFromPublished s => new FlagDto(s.Code, s.ComputedPercent, s.PublishedPercent),
        RatingDiffersFromPublished r => new FlagDto(r.Code, Words.Rating(r.Computed), Words.Rating(r.Published)),
        _ => new FlagDto(flag.Code, null, null),
    };
}

public record IndicatorYearDto(
    int Year,
    string Framework,
    string Key,
    string Code,
    string Level,
    string Outcome,
    string? Output,
    string Title,
    string Unit,
    string Direction,
    bool Cumulative,
    decimal? Target,
    decimal? Result,
    decimal? Score,
    long? ScorePercent,
    string Rating,
    string? NotRateable,
    int? PublishedScorePercent,
    string? PublishedRating,
    IReadOnlyList<FlagDto> Flags)
{
    public static IndicatorYearDto From(ScoredIndicatorYear item)
    {
        var f = item.Figures;
        return new IndicatorYearDto(
            f.Year,
            f.Framework,
            f.Key,
            f.Code,
            Words.Level(f.AreaKind),
            f.OutcomeCode,
            f.OutputCode,
            f.Title,
            Words.Unit(f.Unit),
            Words.Direction(f.Direction),
            f.IsCumulative,
            f.Milestone.WithoutTrailingZeros(),
            f.Result.WithoutTrailingZeros(),
            item.Score.PercentToTwoDecimals.WithoutTrailingZeros(),
            item.Score.WholePercent,
            Words.Rating(item.Rating),
            item.Score.NotRateable is { } reason ? Words.NotRateable(reason) : null,
            f.PublishedScorePercent,
            f.PublishedRating is { } published ? Words.Rating(published) : null,
            item.Flags.Select(FlagDto.From).ToList())
        {
            MissingDataReason = f.MissingDataReason,
        };
    }

    /// <summary>Why there is no result, as staff stated it ("no data: ..."); null when there is a result or nothing was stated.</summary>
    public string? MissingDataReason { get; init; }
}

/// <summary>One indicator-year with its narrative (in the request's language), source paragraph and note.</summary>
public record IndicatorYearDetailDto : IndicatorYearDto
{
    public IndicatorYearDetailDto(ScoredIndicatorYear item)
        : base(From(item))
    {
        Narrative = item.Figures.Narrative;
        Source = item.Figures.Source;
        Note = item.Figures.Note;
    }

    [JsonPropertyOrder(1)]
    public string? Narrative { get; }

    [JsonPropertyOrder(1)]
    public string Source { get; }

    [JsonPropertyOrder(1)]
    public string? Note { get; }
}

/// <summary>An indicator-year as staff read it: the public shape, the year's status and the version to send with an edit.</summary>
public sealed record StaffIndicatorYearDto : IndicatorYearDetailDto
{
    public StaffIndicatorYearDto(ScoredIndicatorYear item)
        : base(item)
    {
        Status = Words.Status(item.Figures.Status);
        Version = ConcurrencyVersion.Format(item.Figures.Version);
        RevisedOn = item.Figures.RevisedOn;
        RevisionReason = item.Figures.RevisionReason;
    }

    [JsonPropertyOrder(2)]
    public string Status { get; }

    /// <summary>Opaque: send it back unchanged with an edit.</summary>
    [JsonPropertyOrder(2)]
    public string Version { get; }

    [JsonPropertyOrder(2)]
    public DateOnly? RevisedOn { get; }

    [JsonPropertyOrder(2)]
    public string? RevisionReason { get; }
}

public sealed record IndicatorHistoryDto(string Key, IReadOnlyList<IndicatorYearDetailDto> Years);
