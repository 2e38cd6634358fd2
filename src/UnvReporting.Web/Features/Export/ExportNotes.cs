using System.Runtime.CompilerServices;
using UnvReporting.Web.Features.Indicators;

namespace UnvReporting.Web.Features.Export;

/// <summary>The sheets that travel with the figures: the notes (rating rule, source documents) and, for staff, the change log.</summary>
public static class ExportNotes
{
    /// <summary>The notes sheet's name in English (the endpoints name it in the reader's language).</summary>
    public const string NotesSheet = "Notes";

    /// <summary>The change log sheet's name in English.</summary>
    public const string ChangeLogSheet = "Change log";

    public static readonly IReadOnlyList<ExportColumn> ChangeLogColumns =
    [
        new("At (UTC)", ColumnKind.Text, 20),
        new("User", ColumnKind.Text, 28),
        new("Action", ColumnKind.Text, 10),
        new("Subject", ColumnKind.Text, 16),
        new("Subject key", ColumnKind.Text, 20),
        new("Year", ColumnKind.Whole, 7),
        new("Indicator", ColumnKind.Text, 10),
        new("Field", ColumnKind.Text, 16),
        new("Old value", ColumnKind.Text, 30),
        new("New value", ColumnKind.Text, 30),
        new("Reason", ColumnKind.Text, 40),
    ];

    /// <summary>The notes sheet: how the colours are decided for each year's framework, what the flags mean, and the reports the figures come from.</summary>
    /// <remarks><paramref name="text"/> is the reader's language, as the workbook's (<see cref="XlsxExport"/>).</remarks>
    public static async Task<List<(bool Heading, string?[] Cells)>> RowsAsync(
        UnvDbContext db, IReadOnlyList<YearHeading> years, IEnumerable<string> sourceSymbols, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var rows = new List<(bool, string?[])>
        {
            (true, [text["Rating rule"]]),
            (false, [text["Score"], text["The result divided by the milestone, in percent (the milestone divided by the result when lower is better), rounded to a whole percent half away from zero. \"Exact score %\" gives it to two decimals."]]),
        };
        foreach (var bands in years.GroupBy(y => (y.Framework, y.GreenFrom, y.YellowFrom)))
        {
            var (framework, green, yellow) = bands.Key;
            rows.Add((false,
            [
                string.Join(", ", bands.Select(y => y.Year.ToString(CultureInfo.InvariantCulture))),
                text["Framework {0}: green at {1}% or more, yellow from {2}% to {3}%, red below {2}%.", framework, green, yellow, green - 1],
            ]));
        }

        rows.Add((false, [text["Grey"], text["No score: no milestone, no result, a milestone (or for lower-is-better a result) of zero, or a negative figure."]]));
        rows.Add((false, [text["Flags"], text["score-differs-from-published and rating-differs-from-published: the computed score or colour is not the one the report printed. Both are kept; neither replaces the other."]]));
        rows.Add((false, [null]));
        rows.AddRange(await DocumentRowsAsync(db, sourceSymbols.Concat(years.Select(y => y.DocumentSymbol).OfType<string>()), text, cancellationToken));
        return rows;
    }

    /// <summary>The notes sheet of a statistics workbook: how to read the columns, and the reports the figures come from.</summary>
    public static async Task<List<(bool Heading, string?[] Cells)>> StatisticsRowsAsync(
        UnvDbContext db, IEnumerable<string> sourceSymbols, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var rows = new List<(bool, string?[])>
        {
            (true, [text["Reading the figures"]]),
            (false, [text["Value"], text["In the metric's unit (Unit column): a share in percent is 53 for 53%; a change is in percent against the year before."]]),
            (false, [text["Qualifier"], text["How exactly the report states the figure: exact, approximate (\"about\"), more-than, nearly."]]),
            (false, [text["Breakdown"], text["Dimension and member (entity = UNDP); both empty for the total. A value a report gives for the year before is a fact of that year, with the later report as its source."]]),
            (false, [null]),
        };
        rows.AddRange(await DocumentRowsAsync(db, sourceSymbols, text, cancellationToken));
        return rows;
    }

    private static async Task<List<(bool Heading, string?[] Cells)>> DocumentRowsAsync(
        UnvDbContext db, IEnumerable<string> sourceSymbols, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var rows = new List<(bool, string?[])> { (true, [text["Source documents"], text["Title (English)"], text["Title (Chinese)"], text["Session"], text["Issued on"]]) };
        var symbols = sourceSymbols.Distinct().ToList();
        var documents = await db.SourceDocuments.AsNoTracking()
            .Where(d => symbols.Contains(d.Symbol))
            .OrderBy(d => d.Symbol)
            .Select(d => new { d.Symbol, d.TitleEn, d.TitleZh, d.Session, d.IssuedOn })
            .ToListAsync(cancellationToken);
        rows.AddRange(documents.Select(d => (false, new[] { d.Symbol, d.TitleEn, d.TitleZh, d.Session, d.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })));
        return rows;
    }

    /// <summary>How many rows <see cref="ChangeLogAsync"/> gives.</summary>
    public static Task<int> ChangeLogCountAsync(UnvDbContext db, int? year, CancellationToken cancellationToken) =>
        ChangeLogEntries(db, year).CountAsync(cancellationToken);

    /// <summary>The audit trail of the figures of a year (or of every year), oldest first.</summary>
    public static async IAsyncEnumerable<object?[]> ChangeLogAsync(UnvDbContext db, int? year, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // In the order of the saves.
        var entries = ChangeLogEntries(db, year)
            .OrderBy(a => a.Id)
            .Select(a => new { a.At, a.UserName, a.Action, a.Subject, a.SubjectKey, a.Year, a.IndicatorKey, a.Field, a.OldValue, a.NewValue, a.Reason });
        await foreach (var a in entries.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return
            [
                a.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), a.UserName, Words.Action(a.Action),
                a.Subject, a.SubjectKey, a.Year, a.IndicatorKey, a.Field, a.OldValue, a.NewValue, a.Reason,
            ];
        }
    }

    private static IQueryable<AuditEntry> ChangeLogEntries(UnvDbContext db, int? year) =>
        db.AuditEntries.AsNoTracking().Where(a => a.Year != null && (year == null || a.Year == year));
}
