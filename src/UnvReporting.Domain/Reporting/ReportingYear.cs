using UnvReporting.Domain.Frameworks;

namespace UnvReporting.Domain.Reporting;

public enum ReportingStatus
{
    Draft,
    Submitted,
    Published,
}

/// <summary>
/// The colour counts a report states for its year (paragraph 3). Grey is null when the report
/// does not mention it (DP/2022/24 states green, yellow and red only).
/// </summary>
public sealed record StatedSummary
{
    public StatedSummary(int green, int yellow, int red, int? grey, string locator)
    {
        if (green < 0 || yellow < 0 || red < 0 || grey < 0)
        {
            throw new DomainException("Stated colour counts cannot be negative.");
        }

        Green = green;
        Yellow = yellow;
        Red = red;
        Grey = grey;
        Locator = Guard.Required(locator, "Summary source paragraph", 80);
    }

    public int Green { get; }

    public int Yellow { get; }

    public int Red { get; }

    public int? Grey { get; }

    /// <summary>Where the report states the counts, for example "para 3".</summary>
    public string Locator { get; }

    public int Total => Green + Yellow + Red + (Grey ?? 0);
}

/// <summary>
/// A year UNV reports on, under one framework. A year moves Draft → Submitted → Published, and an
/// Approver may send a submitted year back to Draft. Only published years are public.
/// </summary>
public sealed class ReportingYear
{
    public ReportingYear(StrategicFramework framework, int year, ReportingStatus status, string? documentSymbol, StatedSummary? statedSummary)
    {
        if (!framework.Covers(year))
        {
            throw new DomainException($"Year {year} is outside the {framework.Code} framework.");
        }

        Year = year;
        Framework = framework;
        Status = status;
        DocumentSymbol = Guard.Optional(documentSymbol, "Report symbol", 40);
        StatedSummary = statedSummary;
    }

    private ReportingYear()
    {
        Framework = null!;
    }

    public int Year { get; private set; }

    public int FrameworkId { get; private set; }

    public StrategicFramework Framework { get; private set; }

    public ReportingStatus Status { get; private set; }

    /// <summary>The report the year's figures were loaded from (DP/2020/14 for 2019); null for years entered here.</summary>
    public string? DocumentSymbol { get; private set; }

    /// <summary>The colour counts as the report states them; null for years not published in a report.</summary>
    public StatedSummary? StatedSummary { get; private set; }

    public bool IsPublic => Status == ReportingStatus.Published;

    public void Submit() => Move(ReportingStatus.Draft, ReportingStatus.Submitted, "submitted");

    public void Publish() => Move(ReportingStatus.Submitted, ReportingStatus.Published, "published");

    public void ReturnToDraft() => Move(ReportingStatus.Submitted, ReportingStatus.Draft, "returned to draft");

    private void Move(ReportingStatus from, ReportingStatus to, string verb)
    {
        if (Status != from)
        {
            throw new DomainException($"Year {Year} is {Status.ToString().ToLowerInvariant()}; only a {from.ToString().ToLowerInvariant()} year can be {verb}.");
        }

        Status = to;
    }
}
