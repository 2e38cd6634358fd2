using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Staff;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Platform.Text;

namespace UnvReporting.Web.Features.Staff.Years;

/// <summary>A field an edit sets; a field left null in <see cref="IndicatorEdit"/> stays as it is.</summary>
public readonly record struct Set<T>(T Value);

/// <summary>One indicator-year edit as the entry page and the write API send it, with the version the editor saw.</summary>
public sealed record IndicatorEdit(
    string Key,
    string? Version,
    Set<decimal?>? Milestone = null,
    Set<decimal?>? Result = null,
    Set<string?>? NarrativeEn = null,
    Set<string?>? NarrativeZh = null);

/// <summary>What a row holds now, for the editor whose save was refused because someone else saved first.</summary>
public sealed record CurrentValues(string Key, decimal? Milestone, decimal? Result, string? NarrativeEn, string? NarrativeZh, string Version, string? ChangedBy, DateTimeOffset? ChangedAt);

public abstract record EntryOutcome
{
    /// <summary>Saved, with each edited row's new version.</summary>
    public sealed record Saved(IReadOnlyDictionary<string, string> Versions) : EntryOutcome;

    /// <summary>Nothing saved: the year or an indicator does not exist (or is not visible).</summary>
    public sealed record NotFound(string Message) : EntryOutcome;

    /// <summary>Nothing saved: the role may not change this year in its current status.</summary>
    public sealed record Forbidden(string Message) : EntryOutcome;

    /// <summary>Nothing saved: messages per field, keyed "KEY.Field" (or "Reason").</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : EntryOutcome;

    /// <summary>Nothing saved: these rows changed since the editor read them.</summary>
    public sealed record Conflict(IReadOnlyList<CurrentValues> Current) : EntryOutcome;
}

/// <summary>
/// Saves staff edits of a year's milestones, results and narratives: the same rules for the entry
/// page and the write API. All edits are checked first and saved together with their audit
/// entries in one transaction, or nothing is saved.
/// </summary>
public sealed class IndicatorEntry(UnvDbContext db, TimeProvider clock)
{
    /// <summary>
    /// How often a save is tried when it keeps losing the year's hold to other saves: each round
    /// at least one save wins, so this many editors saving at the same instant all get through.
    /// </summary>
    private const int YearHoldAttempts = 10;

    public async Task<EntryOutcome> SaveAsync(int year, IReadOnlyList<IndicatorEdit> edits, StaffRole role, StaffActor actor, string? reason, CancellationToken cancellationToken)
    {
        // Every save holds its year, so that no figure lands in a year submitted or published a
        // moment before. Two editors saving different indicators of one year then also collide on
        // that hold, although neither overwrote the other. Such a save is tried again from the
        // start: the year's rule and every row's version are checked afresh, so a move of the year
        // or a change to the same row is still refused.
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await TrySaveAsync(year, edits, role, actor, reason, cancellationToken);
            if (outcome is not YearHoldLost lost)
            {
                return outcome;
            }

            if (attempt == YearHoldAttempts)
            {
                return lost.Refusal;
            }

            // A short random pause, so the saves that lost together do not collide again in step.
            await Task.Delay(Random.Shared.Next(5, 25 * attempt), cancellationToken);
        }
    }

    /// <summary>Internal to this class: the year's hold was lost; try again or give the refusal.</summary>
    private sealed record YearHoldLost(EntryOutcome Refusal) : EntryOutcome;

    private async Task<EntryOutcome> TrySaveAsync(int year, IReadOnlyList<IndicatorEdit> edits, StaffRole role, StaffActor actor, string? reason, CancellationToken cancellationToken)
    {
        var reportingYear = await db.ReportingYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (reportingYear is null)
        {
            return new EntryOutcome.NotFound($"There is no reporting year {year}.");
        }

        var rule = reportingYear.EditRuleFor(role);
        if (!rule.Allowed)
        {
            return new EntryOutcome.Forbidden(rule.Refusal!);
        }

        string? checkedReason;
        try
        {
            checkedReason = reportingYear.CheckEdit(role, reason);
        }
        catch (DomainException exception)
        {
            return new EntryOutcome.Invalid(new Dictionary<string, string> { ["Reason"] = exception.Message });
        }

        var keys = edits.Select(e => e.Key).ToList();
        var rows = await db.IndicatorYears.Include(iy => iy.Indicator)
            .Where(iy => iy.Year == year && keys.Contains(iy.Indicator.Key))
            .ToDictionaryAsync(iy => iy.Indicator.Key, cancellationToken);
        if (keys.FirstOrDefault(k => !rows.ContainsKey(k)) is { } unknown)
        {
            return new EntryOutcome.NotFound($"Indicator {unknown} is not part of year {year}.");
        }

        var errors = new Dictionary<string, string>();
        var stale = new List<string>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var edit in edits)
        {
            var row = rows[edit.Key];
            if (!ConcurrencyVersion.Expect(db.Entry(row), edit.Version))
            {
                stale.Add(edit.Key);
                continue;
            }

            try
            {
                row.Enter(
                    edit.Milestone is { } m ? m.Value : row.Milestone,
                    edit.Result is { } r ? r.Value : row.Result,
                    edit.NarrativeEn is { } en ? en.Value : row.NarrativeEn,
                    edit.NarrativeZh is { } zh ? zh.Value : row.NarrativeZh);
            }
            catch (DomainException exception)
            {
                errors[$"{edit.Key}.{FieldOf(exception.Message)}"] = exception.Message;
            }
        }

        if (errors.Count > 0 || stale.Count > 0)
        {
            db.ChangeTracker.Clear();
            return errors.Count > 0 ? new EntryOutcome.Invalid(errors) : await ConflictAsync(year, stale, cancellationToken);
        }

        if (rule.NeedsReason)
        {
            foreach (var edit in edits.Where(e => db.Entry(rows[e.Key]).State == EntityState.Modified))
            {
                rows[edit.Key].MarkRevised(today, checkedReason!);
            }
        }

        db.HoldYear(reportingYear);
        try
        {
            await db.SaveAuditedAsync(actor, checkedReason, clock.GetUtcNow(), cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception) when (exception.Entries.Any(e => e.Entity is ReportingYear))
        {
            db.ChangeTracker.Clear();
            return new YearHoldLost(new EntryOutcome.Forbidden($"Year {year} changed at the same moment (it was submitted, published or returned, or another save of it finished first). Nothing was saved; open the year again."));
        }
        catch (DbUpdateConcurrencyException exception)
        {
            var conflicting = exception.Entries.Select(e => e.Entity).OfType<IndicatorYear>().Select(iy => iy.Indicator.Key).ToList();
            db.ChangeTracker.Clear();
            return await ConflictAsync(year, conflicting, cancellationToken);
        }

        return new EntryOutcome.Saved(rows.ToDictionary(r => r.Key, r => ConcurrencyVersion.Of(db.Entry(r.Value))));
    }

    /// <summary>The rows as they are now, with who last changed each, so the editor can see what they would have overwritten.</summary>
    private async Task<EntryOutcome> ConflictAsync(int year, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var current = await db.IndicatorYears.AsNoTracking()
            .Where(iy => iy.Year == year && keys.Contains(iy.Indicator.Key))
            .Select(iy => new
            {
                iy.Indicator.Key,
                iy.Milestone,
                iy.Result,
                iy.NarrativeEn,
                iy.NarrativeZh,
                Version = EF.Property<uint>(iy, ConcurrencyVersion.PropertyName),
                Last = db.AuditEntries.Where(a => a.Year == year && a.IndicatorKey == iy.Indicator.Key && a.Subject == "indicator-year")
                    .OrderByDescending(a => a.Id).Select(a => new { a.UserName, a.At }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new EntryOutcome.Conflict(current
            .Select(c => new CurrentValues(c.Key, c.Milestone.WithoutTrailingZeros(), c.Result.WithoutTrailingZeros(), c.NarrativeEn, c.NarrativeZh,
                ConcurrencyVersion.Format(c.Version), c.Last?.UserName, c.Last?.At))
            .ToList());
    }

    /// <summary>Domain messages start with the field's name ("Milestone is a share..."); the key of the error follows it.</summary>
    private static string FieldOf(string message) =>
        new[] { "Milestone", "Result", "English narrative", "Chinese narrative" }.FirstOrDefault(f => message.StartsWith(f, StringComparison.Ordinal)) switch
        {
            "English narrative" => "NarrativeEn",
            "Chinese narrative" => "NarrativeZh",
            { } field => field,
            null => "Row",
        };
}
