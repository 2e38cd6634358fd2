using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace UnvReporting.Web.Platform.Data;

/// <summary>
/// Optimistic concurrency for everything staff edit. Each row has a version that changes on every
/// write; a save states the version the editor saw and is refused when the row has moved on, so
/// a second editor never silently overwrites the first. PostgreSQL keeps the version itself (the
/// <c>xmin</c> system column); SQLite has none, so a <c>Version</c> column is counted up on each
/// save (<see cref="SqliteUnvDbContext"/>). Pages and the API see it as an opaque string.
/// </summary>
public static class ConcurrencyVersion
{
    public const string PropertyName = "Version";

    /// <summary>The entity types staff edit, concurrently perhaps.</summary>
    public static readonly IReadOnlyList<Type> VersionedTypes =
    [
        typeof(IndicatorYear), typeof(StatisticFact), typeof(ReportingYear),
        typeof(StrategicFramework), typeof(ResultArea), typeof(Indicator),
    ];

    /// <summary>The version of a row read with tracking, as pages and the API hand it out.</summary>
    public static string Of(EntityEntry entry) =>
        ((uint)entry.Property(PropertyName).CurrentValue!).ToString(CultureInfo.InvariantCulture);

    /// <summary>The version in a no-tracking projection: <c>EF.Property&lt;uint&gt;(row, "Version")</c>.</summary>
    public static string Format(uint version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Makes the next save of <paramref name="entry"/> conditional on the row still having the
    /// version the editor saw. False when the token is not a version at all (then it cannot match).
    /// </summary>
    public static bool Expect(EntityEntry entry, string? token)
    {
        if (!uint.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        entry.Property(PropertyName).OriginalValue = version;
        return true;
    }

    /// <summary>
    /// Makes the next save also depend on the year not having moved (submitted, published,
    /// returned) since this request read it and checked its edit rule: the row is rewritten
    /// unchanged under its version, so a figure cannot slip into a year that was frozen or
    /// published a moment before. The year must be tracked. Writes no audit entry (nothing changes).
    /// </summary>
    public static void HoldYear(this UnvDbContext db, ReportingYear year) =>
        db.Entry(year).Property(y => y.Status).IsModified = true;

    internal static void ConfigureSqlite(ModelBuilder modelBuilder)
    {
        foreach (var type in VersionedTypes)
        {
            modelBuilder.Entity(type).Property<uint>(PropertyName).IsConcurrencyToken().HasDefaultValue(0u);
        }
    }

    internal static void ConfigurePostgres(ModelBuilder modelBuilder)
    {
        foreach (var type in VersionedTypes)
        {
            // Npgsql maps a uint row version to the xmin system column: no column is added.
            modelBuilder.Entity(type).Property<uint>(PropertyName).IsRowVersion();
        }
    }

    /// <summary>SQLite: counts the version of each modified versioned row up by one.</summary>
    internal static void Advance(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty(PropertyName) is not null)
            {
                var property = entry.Property(PropertyName);
                property.CurrentValue = unchecked((uint)property.OriginalValue! + 1);
            }
        }
    }
}
