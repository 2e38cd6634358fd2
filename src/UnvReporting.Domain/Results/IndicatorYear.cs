using UnvReporting.Domain.Sources;

namespace UnvReporting.Domain.Results;

/// <summary>
/// One indicator in one reporting year: the definition in force that year, the milestone (the
/// year's target), the result, and, for years loaded from a published report, the score and
/// colour exactly as published. Published figures are kept beside whatever the product computes;
/// they are never overwritten by it.
/// </summary>
public sealed class IndicatorYear
{
    public const int MaxNarrativeLength = 4000;
    public const int MaxNoteLength = 1000;
    public const int MaxMissingDataReasonLength = 500;

    public IndicatorYear(
        Indicator indicator,
        int year,
        string codeAsPublished,
        IndicatorDefinition definition,
        decimal? milestone,
        decimal? result,
        SourceReference source)
    {
        var code = Guard.Required(codeAsPublished, nameof(CodeAsPublished), $"Code as published", IndicatorKey.MaxLength);
        if (IndicatorKey.Normalize(code, nameof(CodeAsPublished)) != indicator.Key)
        {
            throw new DomainException(nameof(CodeAsPublished), $"Code '{code}' does not stand for indicator {indicator.Key}.");
        }

        Indicator = indicator;
        Year = year;
        CodeAsPublished = code;
        Definition = definition;
        Source = source;
        SetFigures(milestone, result);
    }

    private IndicatorYear()
    {
        CodeAsPublished = string.Empty;
        Indicator = null!;
        Definition = null!;
        Source = null!;
    }

    public int Id { get; private set; }

    public int IndicatorId { get; private set; }

    public Indicator Indicator { get; private set; }

    public int Year { get; private set; }

    /// <summary>The code as the year's report prints it ("2.1.1.a"); the key is on the indicator.</summary>
    public string CodeAsPublished { get; private set; }

    public IndicatorDefinition Definition { get; private set; }

    /// <summary>The year's target (the "milestone" of the reports). Null when not set.</summary>
    public decimal? Milestone { get; private set; }

    /// <summary>What was achieved. Null when no data is available.</summary>
    public decimal? Result { get; private set; }

    /// <summary>The score in whole percent as the report printed it; null for years not published in a report.</summary>
    public int? PublishedScorePercent { get; private set; }

    public Rating? PublishedRating { get; private set; }

    public PublishedRatingBasis? PublishedRatingBasis { get; private set; }

    public SourceReference Source { get; private set; }

    public string? NarrativeEn { get; private set; }

    public string? NarrativeZh { get; private set; }

    /// <summary>What a reader should know about the published figures (a paragraph that disagrees with the table, say).</summary>
    public string? Note { get; private set; }

    /// <summary>When a published year's figures were last corrected, and why; shown on the public indicator page.</summary>
    public DateOnly? RevisedOn { get; private set; }

    public string? RevisionReason { get; private set; }

    /// <summary>
    /// Why the year has no result ("the survey was postponed to 2023"): a stated gap, which rates
    /// grey like any missing result but lets the year be published. Only while there is no result.
    /// </summary>
    public string? MissingDataReason { get; private set; }

    /// <summary>
    /// Staff entry of the year's figures and narratives. Checked in full before anything changes,
    /// so an invalid value leaves the indicator-year as it was.
    /// </summary>
    public void Enter(decimal? milestone, decimal? result, string? narrativeEn, string? narrativeZh)
    {
        var checkedMilestone = milestone is { } m ? Definition.Unit.Check(m, nameof(Milestone), $"Milestone") : (decimal?)null;
        var checkedResult = result is { } r ? Definition.Unit.Check(r, nameof(Result), $"Result") : (decimal?)null;
        var en = Guard.Optional(narrativeEn, nameof(NarrativeEn), $"English narrative", MaxNarrativeLength);
        var zh = Guard.Optional(narrativeZh, nameof(NarrativeZh), $"Chinese narrative", MaxNarrativeLength);
        Milestone = checkedMilestone;
        Result = checkedResult;
        if (checkedResult is not null)
        {
            MissingDataReason = null;
        }

        NarrativeEn = en;
        NarrativeZh = zh;
    }

    /// <summary>
    /// An Admin's change of what the indicator measures this year (a mid-term review, a typo in a
    /// title). The year's figures must still fit the new unit, or nothing changes.
    /// </summary>
    public void Redefine(IndicatorDefinition definition, string codeAsPublished)
    {
        var code = Guard.Required(codeAsPublished, nameof(CodeAsPublished), $"Code as published", IndicatorKey.MaxLength);
        if (IndicatorKey.Normalize(code, nameof(CodeAsPublished)) != Indicator.Key)
        {
            throw new DomainException(nameof(CodeAsPublished), $"Code '{code}' does not stand for indicator {Indicator.Key}.");
        }

        if (Milestone is { } m)
        {
            definition.Unit.Check(m, nameof(IndicatorDefinition.Unit), $"The existing milestone");
        }

        if (Result is { } r)
        {
            definition.Unit.Check(r, nameof(IndicatorDefinition.Unit), $"The existing result");
        }

        Definition = definition;
        CodeAsPublished = code;
    }

    /// <summary>Records that a published figure was corrected: the public page says so, with the reason.</summary>
    public void MarkRevised(DateOnly on, string reason)
    {
        RevisionReason = Guard.Required(reason, Reporting.ReportingYear.ReasonField, $"Reason", 500);
        RevisedOn = on;
    }

    public void SetFigures(decimal? milestone, decimal? result)
    {
        Milestone = milestone is { } m ? Definition.Unit.Check(m, nameof(Milestone), $"Milestone") : null;
        Result = result is { } r ? Definition.Unit.Check(r, nameof(Result), $"Result") : null;
        if (Result is not null)
        {
            MissingDataReason = null;
        }
    }

    /// <summary>
    /// States why there is no result this year, or clears the statement (null or blank). A year
    /// with a result needs no reason, so one is refused rather than kept beside the figure.
    /// </summary>
    public void StateMissingData(string? reason)
    {
        var text = Guard.Optional(reason, nameof(MissingDataReason), $"Reason for missing data", MaxMissingDataReasonLength);
        if (text is not null && Result is not null)
        {
            throw new DomainException(nameof(MissingDataReason), $"Indicator {Indicator.Key} has a result for {Year}; a reason for missing data is only for a year without one.");
        }

        MissingDataReason = text;
    }

    public void RecordPublished(int? scorePercent, Rating? rating, PublishedRatingBasis? basis)
    {
        if (scorePercent is < 0 or > 100_000)
        {
            throw new DomainException(nameof(PublishedScorePercent), $"A published score must be between 0% and 100000% (got {scorePercent}%).");
        }

        if (rating.HasValue != basis.HasValue)
        {
            throw new DomainException(nameof(PublishedRatingBasis), $"A published colour needs to say how it is known (stated or inferred), and only then.");
        }

        PublishedScorePercent = scorePercent;
        PublishedRating = rating;
        PublishedRatingBasis = basis;
    }

    public void Describe(string? narrativeEn, string? narrativeZh, string? note)
    {
        NarrativeEn = Guard.Optional(narrativeEn, nameof(NarrativeEn), $"English narrative", MaxNarrativeLength);
        NarrativeZh = Guard.Optional(narrativeZh, nameof(NarrativeZh), $"Chinese narrative", MaxNarrativeLength);
        Note = Guard.Optional(note, nameof(Note), $"Note", MaxNoteLength);
    }
}
