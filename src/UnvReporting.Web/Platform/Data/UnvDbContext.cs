using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using UnvReporting.Domain.Sources;

namespace UnvReporting.Web.Platform.Data;

/// <summary>
/// The product's database. Pages and endpoints depend on this type; the concrete context is
/// <see cref="SqliteUnvDbContext"/> or <see cref="PostgresUnvDbContext"/>, chosen by
/// <c>Database:Provider</c>, each with its own migrations set (docs/decisions/ADR-002).
/// </summary>
/// <remarks>
/// New migration, from the repository root, for both providers (docs/architecture.md):
/// <code>
/// dotnet tool restore &amp;&amp; dotnet restore
/// dotnet ef migrations add NAME --project src/UnvReporting.Web \
///   --context SqliteUnvDbContext --output-dir Platform/Data/Migrations/Sqlite
/// dotnet ef migrations add NAME --project src/UnvReporting.Web \
///   --context PostgresUnvDbContext --output-dir Platform/Data/Migrations/Postgres
/// </code>
/// </remarks>
/// <para>
/// Staff accounts (ASP.NET Core Identity) live in the same database. Changes to figures and
/// definitions are saved with <see cref="SaveAuditedAsync"/>, which writes the audit trail in the
/// same transaction; a plain save that would add, change or delete audited rows is refused.
/// </para>
public abstract class UnvDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options)
{
    private bool _auditing;
    private bool _loadingReferenceData;

    /// <summary>
    /// Set when a save is about to change a domain row, cleared once the change is committed or
    /// rolled back (Platform/Caching/PublishedCacheInterceptor). A pooled context may carry it over from a
    /// failed save; the worst that does is one needless eviction.
    /// </summary>
    internal bool PublishedDataChanged { get; set; }

    public DbSet<SourceDocument> SourceDocuments => Set<SourceDocument>();

    public DbSet<StrategicFramework> Frameworks => Set<StrategicFramework>();

    public DbSet<FrameworkAmbition> FrameworkAmbitions => Set<FrameworkAmbition>();

    public DbSet<ResultArea> ResultAreas => Set<ResultArea>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<IndicatorMilestone> IndicatorMilestones => Set<IndicatorMilestone>();

    public DbSet<ReportingYear> ReportingYears => Set<ReportingYear>();

    public DbSet<IndicatorYear> IndicatorYears => Set<IndicatorYear>();

    public DbSet<CumulativeAchievement> CumulativeAchievements => Set<CumulativeAchievement>();

    public DbSet<Metric> Metrics => Set<Metric>();

    public DbSet<Dimension> Dimensions => Set<Dimension>();

    public DbSet<DimensionMember> DimensionMembers => Set<DimensionMember>();

    public DbSet<StatisticFact> StatisticFacts => Set<StatisticFact>();

    public DbSet<ReferenceDataLoad> ReferenceDataLoads => Set<ReferenceDataLoad>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PendingImport> PendingImports => Set<PendingImport>();

    /// <summary>The Data Protection key ring, shared by every instance (<see cref="Infrastructure.DatabaseXmlRepository"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Failed sign-ins per account and client network, and their lockouts (<see cref="Security.SignInLockout"/>).</summary>
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();

    /// <summary>
    /// Saves the pending changes together with their audit entries, in one transaction: both are
    /// written or neither is. <paramref name="reason"/> is recorded on every entry.
    /// </summary>
    public async Task<int> SaveAuditedAsync(StaffActor actor, string? reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var entries = await AuditTrail.CollectAsync(this, actor, reason, at, cancellationToken);
        AuditEntries.AddRange(entries);
        _auditing = true;
        try
        {
            return await SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // The entries stay with the failed changes only if the caller retries the same unit of work.
            foreach (var entry in entries)
            {
                Entry(entry).State = EntityState.Detached;
            }

            throw;
        }
        finally
        {
            _auditing = false;
        }
    }

    /// <summary>
    /// Saves the rows of the reference data file. The load is recorded as a whole (the file's hash
    /// in <see cref="ReferenceDataLoads"/>), not row by row; it only ever adds to an empty database.
    /// </summary>
    public async Task<int> SaveReferenceDataAsync(CancellationToken cancellationToken)
    {
        _loadingReferenceData = true;
        try
        {
            return await SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _loadingReferenceData = false;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Per provider: SQLite counts its version column up; PostgreSQL's xmin moves by itself.</summary>
    protected virtual void AdvanceVersions()
    {
    }

    private void BeforeSave()
    {
        if (!_auditing)
        {
            ChangeTracker.DetectChanges();
            var unaudited = ChangeTracker.Entries().FirstOrDefault(e =>
                AuditTrail.IsAudited(e.Metadata.ClrType)
                && (e.State is EntityState.Modified or EntityState.Deleted || (e.State == EntityState.Added && !_loadingReferenceData)));
            if (unaudited is not null)
            {
                throw new InvalidOperationException(
                    $"A change to {unaudited.Metadata.ClrType.Name} must be saved with SaveAuditedAsync so that the audit trail records it.");
            }
        }

        AdvanceVersions();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(UnvDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Figures up to 100 billion with four decimals (UnitRules.MaxMagnitude).
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);

        // Enums as words: readable in the database, in backups and in ad-hoc SQL.
        configurationBuilder.Properties<Unit>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Direction>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Rating>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<PublishedRatingBasis>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<ResultAreaKind>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<ReportingStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Qualifier>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<AuditAction>().HaveConversion<string>().HaveMaxLength(10);
    }
}

public sealed class SqliteUnvDbContext(DbContextOptions<SqliteUnvDbContext> options) : UnvDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no decimal type: EF would store TEXT, which cannot be compared or summed in SQL.
        // REAL keeps every reported figure exact (15 significant digits) and lets SQL sort and
        // aggregate statistics. Domain arithmetic stays in decimal (ADR-002).
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
        configurationBuilder.Properties<decimal?>().HaveConversion<double?>();

        // SQLite cannot compare or sort DateTimeOffset text, and the audit log is filtered by date
        // and read newest first. Every time the app writes is UTC, so the binary form sorts right.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        ConcurrencyVersion.ConfigureSqlite(modelBuilder);

        // Written as text by the first migration, before times needed sorting; left as it was so
        // existing databases keep reading it.
        modelBuilder.Entity<ReferenceDataLoad>().Property(l => l.LoadedAt).HasConversion((ValueConverter?)null);
    }

    protected override void AdvanceVersions() => ConcurrencyVersion.Advance(this);
}

public sealed class PostgresUnvDbContext(DbContextOptions<PostgresUnvDbContext> options) : UnvDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        ConcurrencyVersion.ConfigurePostgres(modelBuilder);
    }
}
