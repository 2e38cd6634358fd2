using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace UnvReporting.Web.Platform.Data;

/// <summary>
/// Turns the changes a context is about to save into audit entries: one per changed field, or one
/// for a whole row added or deleted. It reads the change tracker rather than trusting each page
/// to list its changes, so no page, import or API call can change a figure without a trace.
/// </summary>
internal static class AuditTrail
{
    /// <summary>The domain's own types are audited; the accounts, the audit log itself and the load marker are not.</summary>
    public static bool IsAudited(Type type) =>
        type.Namespace?.StartsWith("UnvReporting.Domain", StringComparison.Ordinal) == true && type != typeof(AuditEntry);

    public static async Task<List<AuditEntry>> CollectAsync(UnvDbContext db, StaffActor actor, string? reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var entries = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => IsAudited(e.Metadata.ClrType)).ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var (subject, key, year, indicatorKey) = await DescribeAsync(db, entry, cancellationToken);
            AuditEntry Make(AuditAction action, string field, string? oldValue, string? newValue) =>
                new(at, actor.UserId, actor.UserName, action, subject, key, year, indicatorKey, field, oldValue, newValue, reason);

            switch (entry.State)
            {
                case EntityState.Added:
                    entries.Add(Make(AuditAction.Added, "*", null, Summarize(entry, original: false)));
                    break;
                case EntityState.Deleted:
                    entries.Add(Make(AuditAction.Deleted, "*", Summarize(entry, original: true), null));
                    break;
                default:
                    foreach (var (name, property) in Fields(entry).Where(f => f.Property.IsModified))
                    {
                        var before = Format(property.OriginalValue);
                        var after = Format(property.CurrentValue);
                        if (before != after)
                        {
                            entries.Add(Make(AuditAction.Changed, name, before, after));
                        }
                    }

                    break;
            }
        }

        return entries;
    }

    /// <summary>The fields people care about: no keys, no concurrency versions.</summary>
    private static IEnumerable<(string Name, PropertyEntry Property)> Fields(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            if (!property.Metadata.IsPrimaryKey() && property.Metadata.Name != ConcurrencyVersion.PropertyName)
            {
                yield return (property.Metadata.Name, property);
            }
        }

        foreach (var complex in entry.ComplexProperties)
        {
            // An optional complex value (a year's stated summary) that is null has no members to read.
            if (complex.CurrentValue is null && (entry.State == EntityState.Added || complex.Metadata.IsNullable))
            {
                continue;
            }

            foreach (var property in complex.Properties)
            {
                yield return ($"{complex.Metadata.Name}.{property.Metadata.Name}", property);
            }
        }
    }

    private static string Summarize(EntityEntry entry, bool original) =>
        string.Join("; ", Fields(entry)
            .Select(f => (f.Name, Value: Format(original ? f.Property.OriginalValue : f.Property.CurrentValue)))
            .Where(f => f.Value is not null)
            .Select(f => $"{f.Name}={f.Value}"));

    public static string? Format(object? value) => value switch
    {
        null => null,
        decimal d => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        double d => ((decimal)d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static async Task<(string Subject, string Key, int? Year, string? IndicatorKey)> DescribeAsync(
        UnvDbContext db, EntityEntry entry, CancellationToken cancellationToken)
    {
        switch (entry.Entity)
        {
            case IndicatorYear indicatorYear:
                var indicator = indicatorYear.Indicator ?? await db.Indicators.FindAsync([indicatorYear.IndicatorId], cancellationToken);
                return ("indicator-year", $"{indicatorYear.Year} {indicator?.Key}", indicatorYear.Year, indicator?.Key);
            case StatisticFact fact:
                var breakdown = fact.Dimension is null ? string.Empty : $" {fact.Dimension}={fact.Member}";
                return ("statistic", $"{fact.Year} {fact.MetricKey}{breakdown}", fact.Year, null);
            case ReportingYear reportingYear:
                return ("reporting-year", reportingYear.Year.ToString(CultureInfo.InvariantCulture), reportingYear.Year, null);
            case StrategicFramework framework:
                return ("framework", framework.Code, null, null);
            case ResultArea area:
                return ("result-area", $"{await FrameworkCodeAsync(db, area.FrameworkId, cancellationToken)} {area.Code}", null, null);
            case Indicator definition:
                return ("indicator", $"{await FrameworkCodeAsync(db, definition.FrameworkId, cancellationToken)} {definition.Key}", null, definition.Key);
            case IndicatorMilestone milestone:
                // A milestone planned with a new indicator has no indicator id before the save.
                var planned = db.ChangeTracker.Entries<Indicator>().Select(e => e.Entity).FirstOrDefault(i => i.Milestones.Contains(milestone))
                    ?? await db.Indicators.FindAsync([milestone.IndicatorId], cancellationToken);
                var code = planned is null ? string.Empty : await FrameworkCodeAsync(db, planned.FrameworkId, cancellationToken);

                // No year: a planned milestone belongs to the framework, not to a year's figures.
                return ("indicator-milestone", $"{code} {planned?.Key} {milestone.Year}", null, planned?.Key);
            default:
                var name = entry.Metadata.ClrType.Name;
                var keys = entry.Metadata.FindPrimaryKey()?.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)) ?? [];
                return (name, $"{name} {string.Join("/", keys)}", null, null);
        }
    }

    private static async Task<string> FrameworkCodeAsync(UnvDbContext db, int frameworkId, CancellationToken cancellationToken) =>
        (await db.Frameworks.FindAsync([frameworkId], cancellationToken))?.Code ?? frameworkId.ToString(CultureInfo.InvariantCulture);
}
