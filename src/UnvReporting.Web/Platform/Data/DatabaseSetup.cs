using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using UnvReporting.Web.Platform.Configuration;

namespace UnvReporting.Web.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> section of configuration.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts. Operators who migrate before deploying set this to false.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Load the reference data into an empty database after migrating.</summary>
    public bool LoadReferenceData { get; set; } = true;

    /// <summary>PostgreSQL only: how often a command failing with a transient error is retried.</summary>
    /// <remarks>
    /// Retries hide a blip (a failover, a dropped connection) but make a reader wait through the
    /// whole backoff when the database is really down. Npgsql's default of 6 retries waits about
    /// 30 seconds before the request fails; 3 retries capped at 2 seconds wait 0, 1 and 2 seconds,
    /// so a reader gets the 503 page about 3 seconds after the database went away, and a blip
    /// shorter than that is ridden out unnoticed (docs/reliability.md).
    /// </remarks>
    [Range(0, 20)]
    [Accepts("a whole number from 0 to 20")]
    public int MaxRetryCount { get; set; } = 3;

    /// <summary>PostgreSQL only: the longest wait between two retries, in seconds.</summary>
    [Range(0, 60)]
    [Accepts("a whole number of seconds from 0 to 60")]
    public int MaxRetryDelaySeconds { get; set; } = 2;

    /// <summary>SQLite only: how long a command waits for a lock another connection holds, in seconds.</summary>
    /// <remarks>
    /// Microsoft.Data.Sqlite waits 30 seconds by default, so a writer behind a stuck lock (a backup
    /// tool, a second process) kept its reader waiting half a minute for the 503 page, and the
    /// readiness probe past its 5 seconds. Writes here take milliseconds: a lock held for
    /// seconds is not one to wait out (docs/reliability.md).
    /// </remarks>
    [Range(1, 60)]
    [Accepts("a whole number of seconds from 1 to 60 (0 would mean: wait for ever)")]
    public int SqliteBusyTimeoutSeconds { get; set; } = 3;
}

public static class DatabaseSetup
{
    public const string SqliteFileName = "unv-results.db";

    /// <summary>
    /// A list in a query (<c>years.Contains(f.Year)</c>) is sent as one parameter: a JSON array on
    /// SQLite, an array on PostgreSQL. EF Core 10's default, one parameter per element, makes
    /// the SQL depend on the list, and its command cache missed on every execution: the statistics
    /// page generated its SQL again each time, under a lock (the profile is in docs/performance.md).
    /// With one parameter the SQL is the same whatever the list; SqlBaselineTests pins it.
    /// </summary>
    private const ParameterTranslationMode ListParameters = ParameterTranslationMode.Parameter;

    /// <summary>
    /// Registers the context for the configured provider. The app asks for <see cref="UnvDbContext"/>;
    /// what it gets is the provider's own subclass, which carries that provider's migrations.
    /// </summary>
    public static DatabaseOptions AddUnvDatabase(this WebApplicationBuilder builder, string dataFolder)
    {
        var options = builder.AddSettings<DatabaseOptions>(DatabaseOptions.Section);

        // Interceptors registered as services join every context (the tests count SQL commands with one).
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(builder.Configuration, dataFolder, options.SqliteBusyTimeoutSeconds);
                builder.Services.AddDbContextPool<UnvDbContext, SqliteUnvDbContext>((services, o) =>
                    LogFailuresAsWarnings(o.UseSqlite(sqlite, sqlite => sqlite.UseParameterizedCollectionMode(ListParameters))
                        .AddInterceptors(services.GetServices<IInterceptor>())));
                break;
            case DatabaseProvider.Postgres:
                var postgres = builder.Configuration.GetConnectionString("Postgres");
                if (string.IsNullOrWhiteSpace(postgres))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Postgres is empty. " +
                        "Set it, for example with the environment variable ConnectionStrings__Postgres=\"Host=localhost;Database=unv;Username=unv;Password=...\".");
                }

                postgres = WithAutoPrepare(postgres);
                builder.Services.AddDbContextPool<UnvDbContext, PostgresUnvDbContext>((services, o) =>
                    LogFailuresAsWarnings(o.UseNpgsql(postgres, npgsql => npgsql
                            .EnableRetryOnFailure(options.MaxRetryCount, TimeSpan.FromSeconds(options.MaxRetryDelaySeconds), null)
                            .UseParameterizedCollectionMode(ListParameters))
                        .AddInterceptors(services.GetServices<IInterceptor>())));
                break;
        }

        builder.Services.AddSingleton(TimeProvider.System);
        return options;
    }

    /// <summary>
    /// EF logs every failed connection attempt, command, query and save as an error: with the
    /// database down, one request would log five errors (four tries and the query), and a conflict
    /// the page handles would log one too. A failure that reaches the reader is logged once as an
    /// error where it is answered (Platform/Hosting/DatabaseUnavailable, or the 500 handler), so
    /// EF's own entries are warnings: still in the log, beside that one error.
    /// </summary>
    private static DbContextOptionsBuilder LogFailuresAsWarnings(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.ConnectionError, LogLevel.Warning),
            (RelationalEventId.CommandError, LogLevel.Warning),
            (RelationalEventId.TransactionError, LogLevel.Warning),
            (CoreEventId.QueryIterationFailed, LogLevel.Warning),
            (CoreEventId.SaveChangesFailed, LogLevel.Warning)));

    /// <summary>
    /// Lets Npgsql keep the app's frequent statements prepared on each pooled connection, so the
    /// server plans the year table's query once per connection instead of once per request. A
    /// connection string that names <c>Max Auto Prepare</c> itself (0 for a pooler that cannot
    /// keep prepared statements, such as PgBouncer in transaction mode) is left as it is.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var named = connectionString.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase);
        if (!named)
        {
            builder.MaxAutoPrepare = 32;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// The configured SQLite connection string, or a file in the data folder. A relative file name
    /// is taken from the data folder too, not from whatever the working directory happens to be.
    /// </summary>
    private static string SqliteConnectionString(IConfiguration configuration, string dataFolder, int busyTimeoutSeconds)
    {
        var configured = configuration.GetConnectionString("Sqlite");
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={SqliteFileName}" : configured);

        // Every command's wait for a lock, the ones EF Core makes and the implicit ones (BEGIN) alike.
        builder.DefaultTimeout = busyTimeoutSeconds;
        var inMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:" || builder.DataSource.Length == 0;
        if (!inMemory && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(dataFolder, builder.DataSource);
        }

        return builder.ConnectionString;
    }
}
