using UnvReporting.Domain.Sources;
using UnvReporting.Domain.Staff;

namespace UnvReporting.Web.Platform.Data;

/// <summary>
/// The one way staff change a year's data (figures, definitions, statistics, imports): checks the
/// role's edit rule for the year, lets the caller apply its change, checks the stricter rule for
/// any row it touched that a published report prints, marks corrected public rows revised, and saves the change with its audit entries while holding the year,
/// all in one transaction. A refusal comes back as a <see cref="YearOutcome"/>, never as an
/// exception, and leaves nothing tracked, so the caller can read the page again.
/// </summary>
public sealed class YearChanges(UnvDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>
    /// How often a change is tried when it keeps losing the year's hold to other saves: each round
    /// at least one save wins, so this many editors saving at the same instant all get through.
    /// </summary>
    private const int YearHoldAttempts = 10;

    /// <summary>
    /// Applies <paramref name="apply"/> to year <paramref name="year"/> for a person of
    /// <paramref name="role"/>. <paramref name="apply"/> may run more than once (see the loop),
    /// each time against a fresh read, so it must read what it changes itself.
    /// </summary>
    public async Task<YearOutcome> SaveAsync(
        int year, StaffRole role, StaffActor actor, string? reason, Func<YearChange, CancellationToken, Task> apply, CancellationToken cancellationToken)
    {
        // Every save holds its year, so that no figure lands in a year submitted or published a
        // moment before. Two editors changing different rows of one year then also collide on
        // that hold, although neither overwrote the other. Such a save is tried again from the
        // start: the year's rule and every row's version are checked afresh, so a move of the year
        // or a change to the same row is still refused.
        for (var attempt = 1; ; attempt++)
        {
            var (outcome, again) = await TryAsync(year, role, actor, reason, apply, attempt, cancellationToken);
            if (!again || attempt == YearHoldAttempts)
            {
                return outcome;
            }

            // A short random pause, so the saves that lost together do not collide again in step.
            await Task.Delay(Random.Shared.Next(5, 25 * attempt), cancellationToken);
        }
    }

    private async Task<(YearOutcome Outcome, bool Again)> TryAsync(
        int year, StaffRole role, StaffActor actor, string? reason, Func<YearChange, CancellationToken, Task> apply, int attempt, CancellationToken cancellationToken)
    {
        var saved = false;
        try
        {
            var reportingYear = await db.ReportingYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
            if (reportingYear is null)
            {
                return (new YearOutcome.NotFound($"There is no reporting year {year}."), false);
            }

            var rule = reportingYear.EditRuleFor(role);
            if (!rule.Allowed)
            {
                return (new YearOutcome.Forbidden(text.Say(rule.Refusal)), false);
            }

            var change = new YearChange(db, text, rule, reportingYear.CheckEdit(role, reason), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            await apply(change, cancellationToken);
            if (change.Refusal() is { } refusal)
            {
                return (refusal, false);
            }

            // Which rows a change touches is known only now, whatever page or endpoint made it: a
            // figure printed in a published report is changed as in a published year.
            if (!rule.NeedsReason && await change.PrintedRowsAsync(cancellationToken) is { Count: > 0 } printed)
            {
                var printedIn = printed[0].Symbol;
                var printedRule = reportingYear.EditRuleFor(role, printedIn);
                if (!printedRule.Allowed)
                {
                    return (new YearOutcome.Forbidden(text.Say(printedRule.Refusal)) { OfPrintedFigure = true }, false);
                }

                change.RequireReason(printedRule, reportingYear.CheckEdit(role, reason, printedIn), printed.Select(p => p.Row));
            }

            change.MarkRevised();
            db.HoldYear(reportingYear);
            await db.SaveAuditedAsync(actor, change.AuditReason, clock.GetUtcNow(), cancellationToken);
            saved = true;
            return (YearOutcome.Done, false);
        }
        catch (DomainException exception)
        {
            return (new YearOutcome.Invalid([new FieldError(exception.Field, text.Say(exception))]), false);
        }
        catch (DbUpdateConcurrencyException exception) when (exception.Entries.Any(e => e.Entity is ReportingYear))
        {
            // In English for the API's problem details; a page says it in the reader's language (YearMoved).
            return (new YearOutcome.Forbidden(
                $"Year {year} changed at the same moment (it was submitted, published or returned, or another save of it finished first). Nothing was saved; open the year again.") { YearMoved = true },
                true);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            return (new YearOutcome.Conflict(exception.Entries.Select(e => e.Entity).ToList()), false);
        }
        catch (DbUpdateException) when (attempt == 1)
        {
            // A unique index refused a row someone else added between the change's own check and
            // the save. Once more from the start, that check sees their row and refuses by field.
            return (YearOutcome.Done, true);
        }
        finally
        {
            if (!saved)
            {
                // Nothing of a refused change stays tracked: the caller reads the rows as they are now.
                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary>One try of a change to a year, as <see cref="YearChanges.SaveAsync"/> hands it to the caller's step.</summary>
public sealed class YearChange
{
    private readonly UnvDbContext _db;
    private readonly IStringLocalizer<SharedResource> _text;
    private readonly List<FieldError> _errors = [];
    private readonly List<object> _stale = [];
    private HashSet<object>? _printedRows;
    private bool _refused;
    private string? _missing;

    internal YearChange(UnvDbContext db, IStringLocalizer<SharedResource> text, EditRule rule, string? reason, DateOnly today)
    {
        _db = db;
        _text = text;
        Rule = rule;
        Reason = reason;
        AuditReason = reason;
        Today = today;
    }

    /// <summary>The year's rule, or the stricter one for a printed figure once the change touched one.</summary>
    public EditRule Rule { get; private set; }

    /// <summary>The reason as checked by the rule: required for a published year or a printed figure, else optional.</summary>
    public string? Reason { get; private set; }

    /// <summary>What the audit entries record as the reason; the reason unless the change words it otherwise.</summary>
    public string? AuditReason { get; set; }

    public DateOnly Today { get; }

    /// <summary>
    /// Makes the save conditional on <paramref name="row"/> still having the version the editor
    /// saw; false (and the change will be refused as a conflict) when the token is not a version.
    /// </summary>
    public bool Expect(object row, string? version)
    {
        if (ConcurrencyVersion.Expect(_db.Entry(row), version))
        {
            return true;
        }

        _stale.Add(row);
        return false;
    }

    /// <summary>A row the editor saw has changed or gone: the change is refused as a conflict.</summary>
    public void Stale(object rowOrKey) => _stale.Add(rowOrKey);

    /// <summary>A row the change is about does not exist: the change is refused as not found.</summary>
    public void Missing(string message) => _missing = message;

    /// <summary>Refuses the change, with a message for the input <paramref name="field"/> names.</summary>
    public void Refuse(string field, string message) => _errors.Add(new FieldError(field, message));

    /// <summary>Refuses the change for input the caller has already told the person about.</summary>
    public void Refuse() => _refused = true;

    /// <summary>Runs one step of the change; a domain refusal is kept under <paramref name="prefix"/> and its field, and the change goes on to collect more.</summary>
    public bool Try(Action step, string prefix)
    {
        try
        {
            step();
            return true;
        }
        catch (DomainException exception)
        {
            Refuse(prefix + exception.Field, _text.Say(exception));
            return false;
        }
    }

    /// <summary>
    /// The statistic facts and indicator-years the change adds, modifies or deletes whose source,
    /// before or after the change, is a published report, with that report. Giving a new figure a
    /// published report as its source makes it public at once, so it counts as much as changing
    /// one already printed.
    /// </summary>
    internal Task<IReadOnlyList<(object Row, string Symbol)>> PrintedRowsAsync(CancellationToken cancellationToken) =>
        PrintedRowsAsync(_db, cancellationToken);

    /// <summary>The rows tracked by <paramref name="db"/> that a save would change in a printed report (see the instance method).</summary>
    public static async Task<IReadOnlyList<(object Row, string Symbol)>> PrintedRowsAsync(UnvDbContext db, CancellationToken cancellationToken)
    {
        var touched = new List<(object Row, string Symbol)>();
        foreach (var entry in db.ChangeTracker.Entries()
            .Where(e => e.Entity is StatisticFact or IndicatorYear && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var symbol = entry.ComplexProperty(nameof(StatisticFact.Source)).Property(nameof(SourceReference.DocumentSymbol));
            if (entry.State != EntityState.Added && symbol.OriginalValue is string before)
            {
                touched.Add((entry.Entity, before));
            }

            if (entry.State != EntityState.Deleted && symbol.CurrentValue is string after)
            {
                touched.Add((entry.Entity, after));
            }
        }

        if (touched.Count == 0)
        {
            return [];
        }

        var symbols = touched.Select(t => t.Symbol).Distinct().ToList();
        var published = await db.PublishedReports().Where(r => symbols.Contains(r)).ToListAsync(cancellationToken);
        return touched.Where(t => published.Contains(t.Symbol)).ToList();
    }

    /// <summary>The change touched printed figures: it is held to <paramref name="rule"/>, with the reason checked for it.</summary>
    internal void RequireReason(EditRule rule, string? reason, IEnumerable<object> printedRows)
    {
        // The reason was read from the same input and trimmed the same way as the year's, so a
        // change that worded its own audit reason (an import names its file) already holds it.
        Rule = rule;
        Reason = reason;
        _printedRows = printedRows.ToHashSet(ReferenceEqualityComparer.Instance);
    }

    internal YearOutcome? Refusal() =>
        _missing is not null ? new YearOutcome.NotFound(_missing)
        : _errors.Count > 0 || _refused ? new YearOutcome.Invalid(_errors)
        : _stale.Count > 0 ? new YearOutcome.Conflict(_stale)
        : null;

    /// <summary>
    /// A corrected figure the public has read says so on the public page, with the reason: every
    /// indicator row the change modified in a published year, or every printed one it modified in
    /// a draft (the draft's other rows are not public yet).
    /// </summary>
    internal void MarkRevised()
    {
        if (!Rule.NeedsReason)
        {
            return;
        }

        foreach (var entry in _db.ChangeTracker.Entries<IndicatorYear>()
            .Where(e => e.State is EntityState.Modified or EntityState.Added && (_printedRows is null || _printedRows.Contains(e.Entity))).ToList())
        {
            entry.Entity.MarkRevised(Today, Reason!);
        }
    }
}
