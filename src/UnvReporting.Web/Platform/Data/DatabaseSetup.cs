using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using UnvReporting.Web.Platform.Data.ReferenceData;
using UnvReporting.Web.Platform.Hosting;
using UnvReporting.Web.Platform.Security;

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
    public int MaxRetryCount { get; set; } = 3;

    /// <summary>PostgreSQL only: the longest wait between two retries, in seconds.</summary>
    public int MaxRetryDelaySeconds { get; set; } = 2;

    /// <summary>SQLite only: how long a command waits for a lock another connection holds, in seconds.</summary>
    /// <remarks>
    /// Microsoft.Data.Sqlite waits 30 seconds by default, so a writer behind a stuck lock (a backup
    /// tool, a second process) kept its reader waiting half a minute for the 503 page, and the
    /// readiness probe past its 5 seconds. Writes here take milliseconds: a lock held for
    /// seconds is not one to wait out (docs/reliability.md).
    /// </remarks>
    public int SqliteBusyTimeoutSeconds { get; set; } = 3;
}

public static class DatabaseSetup
{
    public const string SqliteFileName = "unv-results.db";

    /// <summary>Any fixed number; instances of this app agree on it to migrate one at a time.</summary>
    private const long MigrationLockKey = 0x554E_565F_4D49_47;

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
        var options = ReadOptions(builder.Configuration);
        builder.Services.AddSingleton(options);

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

        builder.Services.AddScoped<ReferenceDataLoader>();
        builder.Services.AddSingleton(TimeProvider.System);
        return options;
    }

    /// <summary>Applies migrations, then loads the reference data into an empty database.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, bool loadReferenceData, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UnvDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<UnvDbContext>>();

        // Npgsql's own migration lock lasts one migration's transaction; instances starting
        // together could then both apply the later migrations. A session advisory lock held for
        // the whole run lets one instance migrate while the others wait and then find nothing to do.
        if (db.Database.IsNpgsql())
        {
            // Lock, migrate and unlock are retried as one unit: a connection lost half-way takes
            // its session lock with it, so a retry must start again from taking the lock on a new
            // connection. Each migration is its own transaction, so a retry applies only what is
            // still pending. (Calls inside ExecuteAsync are not retried on their own.)
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await PostgresDatabaseCreation.EnsureExistsAsync(db.Database.GetConnectionString()!, logger, ct);
                await db.Database.OpenConnectionAsync(ct);
                try
                {
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", ct);
                    await MigrateAsync(db, scope.ServiceProvider, logger, ct);
                }
                finally
                {
                    await ReleaseMigrationLockAsync(db);
                }
            }, cancellationToken);
        }
        else
        {
            await MigrateAsync(db, scope.ServiceProvider, logger, cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers carry on while a write commits; it persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (loadReferenceData)
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataLoader>()
                .LoadEmbeddedAsync(cancellationToken);
        }

        // The four roles, and the first Admin from Bootstrap:AdminEmail/AdminPassword when there is none.
        await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().EnsureFirstAdminAsync(
            scope.ServiceProvider.GetRequiredService<IConfiguration>().GetSection(BootstrapOptions.Section).Get<BootstrapOptions>() ?? new BootstrapOptions());
    }

    /// <summary>
    /// <see cref="PrepareDatabaseAsync"/> for start-up and the migrate command: a failure the
    /// operator fixes from its message alone (<see cref="DatabaseSetupException"/>) is logged as
    /// that one line, and the answer is false; any other failure is thrown as before.
    /// </summary>
    public static async Task<bool> TryPrepareDatabaseAsync(this IServiceProvider services, bool loadReferenceData)
    {
        try
        {
            await services.PrepareDatabaseAsync(loadReferenceData);
            return true;
        }
        catch (DatabaseSetupException exception)
        {
            services.GetRequiredService<ILogger<UnvDbContext>>().LogCritical("{Reason}", exception.Message);
            return false;
        }
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

    private static async Task MigrateAsync(UnvDbContext db, IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        await CreateFileAndHistoryTableAsync(db, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        // Under the lock, so that instances starting together on an empty table agree on one key.
        DataProtectionSetup.EnsureKeyInForce(services);
    }

    /// <summary>
    /// On a new database EF learns that nothing is applied yet from a failure: it opens the SQLite
    /// file read-only (there is no file yet), and Npgsql reads the history table (there is no table
    /// yet). Both expect the failure, but it is logged as a connection or command error, which
    /// <see cref="LogFailuresAsWarnings"/> turns into a warning: a first start logged two. Creating
    /// the file, and the empty history table, as migrating does next anyway, keeps a first start
    /// free of them; a real failure still fails here. The table only when it is missing: an
    /// account that may not create tables can still start on a migrated database.
    /// </summary>
    private static async Task CreateFileAndHistoryTableAsync(UnvDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            // Opened as the app opens it (read-write, create), which creates the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.CloseConnectionAsync();
            return;
        }

        // Npgsql's history repository answers "exists" without looking, so ask the server, which
        // resolves the name through the search path as the migrations' SQL will.
        var table = $"\"{HistoryRepository.DefaultTableName}\"";
        var exists = await db.Database.SqlQuery<bool>($"SELECT to_regclass({table}) IS NOT NULL AS \"Value\"").SingleAsync(cancellationToken);
        if (!exists)
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }
    }

    private static async Task ReleaseMigrationLockAsync(UnvDbContext db)
    {
        // A pooled connection keeps its session, and the lock with it, after Close: unlock first.
        if (db.Database.GetDbConnection().State == ConnectionState.Open)
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // The connection broke under us; the server ended the session and its lock.
            }
        }

        await db.Database.CloseConnectionAsync();
    }

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

    private static DatabaseOptions ReadOptions(IConfiguration configuration)
    {
        var section = configuration.GetSection(DatabaseOptions.Section);
        var provider = section["Provider"];
        var options = new DatabaseOptions();
        if (!string.IsNullOrWhiteSpace(provider))
        {
            // By name only: Enum.TryParse would also take "1" for Postgres.
            var name = Enum.GetNames<DatabaseProvider>().FirstOrDefault(n => string.Equals(n, provider.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"Database:Provider must be 'Sqlite' or 'Postgres' (got '{provider}').");
            options.Provider = Enum.Parse<DatabaseProvider>(name);
        }

        options.MigrateOnStartup = ReadFlag(section, nameof(DatabaseOptions.MigrateOnStartup), options.MigrateOnStartup);
        options.LoadReferenceData = ReadFlag(section, nameof(DatabaseOptions.LoadReferenceData), options.LoadReferenceData);
        options.MaxRetryCount = section[nameof(DatabaseOptions.MaxRetryCount)] switch
        {
            null or "" => options.MaxRetryCount,
            var text when int.TryParse(text, out var count) && count is >= 0 and <= 20 => count,
            var text => throw new InvalidOperationException($"Database:MaxRetryCount must be a whole number from 0 to 20 (got '{text}')."),
        };
        options.MaxRetryDelaySeconds = section[nameof(DatabaseOptions.MaxRetryDelaySeconds)] switch
        {
            null or "" => options.MaxRetryDelaySeconds,
            var text when int.TryParse(text, out var seconds) && seconds is >= 0 and <= 60 => seconds,
            var text => throw new InvalidOperationException($"Database:MaxRetryDelaySeconds must be a whole number of seconds from 0 to 60 (got '{text}')."),
        };

        // 0 would mean "wait for ever" to Microsoft.Data.Sqlite.
        options.SqliteBusyTimeoutSeconds = section[nameof(DatabaseOptions.SqliteBusyTimeoutSeconds)] switch
        {
            null or "" => options.SqliteBusyTimeoutSeconds,
            var text when int.TryParse(text, out var seconds) && seconds is >= 1 and <= 60 => seconds,
            var text => throw new InvalidOperationException($"Database:SqliteBusyTimeoutSeconds must be a whole number of seconds from 1 to 60 (got '{text}')."),
        };
        return options;
    }

    private static bool ReadFlag(IConfigurationSection section, string key, bool fallback) =>
        section[key] switch
        {
            null or "" => fallback,
            var text when bool.TryParse(text, out var value) => value,
            var text => throw new InvalidOperationException($"Database:{key} must be true or false (got '{text}')."),
        };

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
