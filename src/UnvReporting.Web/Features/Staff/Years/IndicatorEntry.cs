using UnvReporting.Domain.Staff;

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
    Set<string?>? NarrativeZh = null,
    Set<string?>? MissingDataReason = null);

/// <summary>What a row holds now, for the editor whose save was refused because someone else saved first.</summary>
public sealed record CurrentValues(string Key, decimal? Milestone, decimal? Result, string? NarrativeEn, string? NarrativeZh, string? MissingDataReason, string Version, string? ChangedBy, DateTimeOffset? ChangedAt);

/// <summary>
/// Saves staff edits of a year's milestones, results, narratives and reasons for missing data
/// ("no data: ..."): the same rules for the entry
/// page and the write API, through <see cref="YearChanges"/>. All edits are checked first and saved
/// together, or nothing is saved. A refusal of a value is keyed "KEY.Field" ("1.1.Milestone"), or
/// "Reason"; a conflict lists the <see cref="CurrentValues"/> of the rows that changed meanwhile.
/// </summary>
public sealed class IndicatorEntry(UnvDbContext db, YearChanges changes)
{
    public async Task<YearOutcome> SaveAsync(int year, IReadOnlyList<IndicatorEdit> edits, StaffRole role, StaffActor actor, string? reason, CancellationToken cancellationToken)
    {
        var outcome = await changes.SaveAsync(year, role, actor, reason, async (change, ct) =>
        {
            var keys = edits.Select(e => e.Key).ToList();
            var rows = await db.IndicatorYears.Include(iy => iy.Indicator)
                .Where(iy => iy.Year == year && keys.Contains(iy.Indicator.Key))
                .ToDictionaryAsync(iy => iy.Indicator.Key, ct);
            if (keys.FirstOrDefault(k => !rows.ContainsKey(k)) is { } unknown)
            {
                change.Missing($"Indicator {unknown} is not part of year {year}.");
                return;
            }

            foreach (var edit in edits)
            {
                var row = rows[edit.Key];
                if (change.Expect(row, edit.Version))
                {
                    // The figures first: entering a result clears a stated reason, and a reason
                    // sent with a result is refused by the domain rather than kept beside it.
                    if (change.Try(() => row.Enter(
                        edit.Milestone is { } m ? m.Value : row.Milestone,
                        edit.Result is { } r ? r.Value : row.Result,
                        edit.NarrativeEn is { } en ? en.Value : row.NarrativeEn,
                        edit.NarrativeZh is { } zh ? zh.Value : row.NarrativeZh), $"{edit.Key}.")
                        && edit.MissingDataReason is { } missing)
                    {
                        change.Try(() => row.StateMissingData(missing.Value), $"{edit.Key}.");
                    }
                }
            }
        }, cancellationToken);
        return outcome is YearOutcome.Conflict conflict
            ? await ConflictAsync(year, conflict.Rows.OfType<IndicatorYear>().Select(iy => iy.Indicator.Key).ToList(), cancellationToken)
            : outcome;
    }

    /// <summary>The rows as they are now, with who last changed each, so the editor can see what they would have overwritten.</summary>
    private async Task<YearOutcome> ConflictAsync(int year, IReadOnlyList<string> keys, CancellationToken cancellationToken)
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
                iy.MissingDataReason,
                Version = EF.Property<uint>(iy, ConcurrencyVersion.PropertyName),
                Last = db.AuditEntries.Where(a => a.Year == year && a.IndicatorKey == iy.Indicator.Key && a.Subject == "indicator-year")
                    .OrderByDescending(a => a.Id).Select(a => new { a.UserName, a.At }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new YearOutcome.Conflict(current
            .Select(c => new CurrentValues(c.Key, c.Milestone.WithoutTrailingZeros(), c.Result.WithoutTrailingZeros(), c.NarrativeEn, c.NarrativeZh, c.MissingDataReason,
                ConcurrencyVersion.Format(c.Version), c.Last?.UserName, c.Last?.At))
            .ToList<object>());
    }
}
