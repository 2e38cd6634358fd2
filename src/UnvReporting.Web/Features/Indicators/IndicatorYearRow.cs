namespace UnvReporting.Web.Features.Indicators;

/// <summary>
/// One indicator-year as pages, the API and exports read it: the figures with their place in the
/// framework, flattened by one projected query (<see cref="IndicatorQueries"/>).
/// </summary>
public sealed record IndicatorYearRow(
    int Year,
    string Framework,
    string Key,
    string Code,
    int SortOrder,
    ResultAreaKind AreaKind,
    string AreaCode,
    string AreaTitleEn,
    string AreaTitleZh,
    int AreaSortOrder,
    string? ParentCode,
    string? ParentTitleEn,
    string? ParentTitleZh,
    int? ParentSortOrder,
    string TitleEn,
    string TitleZh,
    Unit Unit,
    bool IsCumulative,
    Direction Direction,
    decimal? Milestone,
    decimal? Result,
    int? PublishedScorePercent,
    Rating? PublishedRating,
    PublishedRatingBasis? PublishedRatingBasis,
    string SourceSymbol,
    string SourceLocator,
    string? NarrativeEn,
    string? NarrativeZh,
    string? Note,
    int GreenFrom,
    int YellowFrom)
{
    /// <summary>The year's workflow status: always Published for visitors; staff also see Draft and Submitted rows.</summary>
    public ReportingStatus Status { get; init; } = ReportingStatus.Published;

    /// <summary>When and why an Approver or Admin corrected the figures after publication ("revised on ...: ...").</summary>
    public DateOnly? RevisedOn { get; init; }

    public string? RevisionReason { get; init; }

    /// <summary>Why the year has no result, as staff stated it ("no data: ..."); the row rates grey and shows this.</summary>
    public string? MissingDataReason { get; init; }

    /// <summary>The row's concurrency version (<see cref="Data.ConcurrencyVersion"/>): staff API readers get it to send back with an edit.</summary>
    public uint Version { get; init; }

    /// <summary>The outcome the indicator reports under ("1", "2", "IE"): its own area, or its output's outcome.</summary>
    public string OutcomeCode => ParentCode ?? AreaCode;

    /// <summary>The output ("2.1") for output indicators; null for outcome-level ones.</summary>
    public string? OutputCode => AreaKind == ResultAreaKind.Output ? AreaCode : null;

    public string Title => Localization.Pick(TitleEn, TitleZh);

    public string? Narrative => Localization.Pick(NarrativeEn ?? string.Empty, NarrativeZh) is { Length: > 0 } text ? text : null;

    public string Source => $"{SourceSymbol} {SourceLocator}";

    /// <summary>The one scoring code path (docs/scoring.md), applied with the year's framework bands.</summary>
    public Assessment Assess() => ScoreCalculator.Assess(
        Milestone, Result, Direction, new RatingBands(GreenFrom, YellowFrom), PublishedScorePercent, PublishedRating);

    public IndicatorDefinition Definition => new(TitleEn, TitleZh, Unit, IsCumulative, Direction);

    /// <summary>True when this year's definition measures something else than <paramref name="other"/>'s (the 2020 mid-term review).</summary>
    public bool DefinitionDiffersFrom(IndicatorYearRow other) => Definition.DiffersFrom(other.Definition);

    /// <summary>How the result moved since <paramref name="previous"/>, an earlier year of the same indicator (the domain's rule).</summary>
    public ResultChange ChangeSince(IndicatorYearRow previous) => ResultChange.Between(previous.Definition, previous.Result, Definition, Result);

    /// <summary>
    /// True when every search term is in the code (as published or as the key: "2.1.1a" finds
    /// "2.1.1.a") or in either title, ignoring case.
    /// </summary>
    public bool Matches(IReadOnlyList<string> terms) =>
        terms.All(term => Code.Contains(term, StringComparison.OrdinalIgnoreCase)
            || Key.Contains(term, StringComparison.OrdinalIgnoreCase)
            || TitleEn.Contains(term, StringComparison.OrdinalIgnoreCase)
            || TitleZh.Contains(term, StringComparison.OrdinalIgnoreCase));
}

/// <summary>An indicator-year with its computed score, colour and flags.</summary>
public sealed record ScoredIndicatorYear(IndicatorYearRow Figures, Assessment Assessment)
{
    public Score Score => Assessment.Score;

    public Rating Rating => Assessment.Score.Rating;

    public IReadOnlyList<ScoreFlag> Flags => Assessment.Flags;
}

/// <summary>A reporting year as its table's heading needs it.</summary>
public sealed record YearHeading(int Year, string Framework, ReportingStatus Status, string? DocumentSymbol, StatedSummary? Stated, int GreenFrom, int YellowFrom);

/// <summary>A year's whole indicator table, scored, with its colour summary.</summary>
public sealed record YearTable(YearHeading Heading, IReadOnlyList<ScoredIndicatorYear> Indicators)
{
    public YearSummary Summary { get; } = YearSummary.Of(Indicators.Select(i => (i.Figures.OutcomeCode, i.Rating)));

    /// <summary>True when the computed counts differ from the ones paragraph 3 of the report states.</summary>
    public bool SummaryDiffersFromStated => Heading.Stated is { } stated && !Summary.Overall.Matches(stated);
}
