using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain;
using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Sources;
using UnvReporting.Domain.Statistics;
using UnvReporting.Web.Data.ReferenceData;

namespace UnvReporting.Web.Data;

/// <summary>
/// The product's database. Pages and endpoints depend on this type; the concrete context is
/// <see cref="SqliteUnvDbContext"/> or <see cref="PostgresUnvDbContext"/>, chosen by
/// <c>Database:Provider</c>, each with its own migrations set (docs/decisions/ADR-002).
/// </summary>
/// <remarks>
/// New migration (both providers; see docs/architecture.md for the tool set-up):
/// <code>
/// UnvEfDesign=true dotnet ef migrations add NAME --project src/UnvReporting.Web \
///   --context SqliteUnvDbContext --output-dir Data/Migrations/Sqlite
/// UnvEfDesign=true dotnet ef migrations add NAME --project src/UnvReporting.Web \
///   --context PostgresUnvDbContext --output-dir Data/Migrations/Postgres
/// </code>
/// </remarks>
public abstract class UnvDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SourceDocument> SourceDocuments => Set<SourceDocument>();

    public DbSet<StrategicFramework> Frameworks => Set<StrategicFramework>();

    public DbSet<FrameworkAmbition> FrameworkAmbitions => Set<FrameworkAmbition>();

    public DbSet<ResultArea> ResultAreas => Set<ResultArea>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<ReportingYear> ReportingYears => Set<ReportingYear>();

    public DbSet<IndicatorYear> IndicatorYears => Set<IndicatorYear>();

    public DbSet<CumulativeAchievement> CumulativeAchievements => Set<CumulativeAchievement>();

    public DbSet<Metric> Metrics => Set<Metric>();

    public DbSet<Dimension> Dimensions => Set<Dimension>();

    public DbSet<DimensionMember> DimensionMembers => Set<DimensionMember>();

    public DbSet<StatisticFact> StatisticFacts => Set<StatisticFact>();

    public DbSet<ReferenceDataLoad> ReferenceDataLoads => Set<ReferenceDataLoad>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(UnvDbContext).Assembly);

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
    }
}

public sealed class PostgresUnvDbContext(DbContextOptions<PostgresUnvDbContext> options) : UnvDbContext(options);
