namespace UnvReporting.Domain.Reporting;

/// <summary>What the publication check needs to know of one indicator-year.</summary>
public sealed record PublicationRow(string IndicatorKey, decimal? Milestone, decimal? Result, string? MissingDataReason);

/// <summary>
/// Whether a year holds enough to be put before the Board: at least one indicator, and for each a
/// milestone and either a result or a stated reason why there is none. A year without statistics
/// may be published (some reports give none); its page says so. Submitting and publishing both
/// ask this, and a refusal lists every gap at once so an editor can fix them in one pass.
/// </summary>
public sealed class PublicationCheck
{
    private PublicationCheck(int year, IReadOnlyList<FormattableString> problems)
    {
        Year = year;
        Problems = problems;
    }

    public int Year { get; }

    /// <summary>Each gap in words, in the order of the rows given (the table's order); empty when the year may go forward.</summary>
    public IReadOnlyList<FormattableString> Problems { get; }

    public bool Passed => Problems.Count == 0;

    public static PublicationCheck Of(int year, IEnumerable<PublicationRow> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return new(year, [$"Year {year} has no indicators yet."]);
        }

        var problems = new List<FormattableString>();
        foreach (var row in list)
        {
            if (row.Milestone is null)
            {
                problems.Add($"Indicator {row.IndicatorKey} has no milestone.");
            }

            if (row.Result is null && string.IsNullOrWhiteSpace(row.MissingDataReason))
            {
                problems.Add($"Indicator {row.IndicatorKey} has no result and no reason for missing data.");
            }
        }

        return new(year, problems);
    }

    /// <summary>Every gap, as one argument of a refusal.</summary>
    internal Sentences Gaps => new(Problems);
}
