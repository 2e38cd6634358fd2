using System.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using UnvReporting.Web.Platform.Configuration;
using UnvReporting.Web.Platform.Data.ReferenceData;

namespace UnvReporting.Web.Platform.Hosting;

/// <summary>
/// What start-up and the commands do to the database before serving: create it (PostgreSQL),
/// migrate under a lock, make sure a Data Protection key is in force, load the reference data
/// into an empty database, and make sure the roles and the first Admin exist. It lives with
/// hosting, not with the data, because it orders the work of several parts of the platform.
/// </summary>
public static class DatabasePreparation
{
    /// <summary>Any fixed number; instances of this app agree on it to migrate one at a time.</summary>
    private const long MigrationLockKey = 0x554E_565F_4D49_47;

    /// <summary>The services the preparation uses beyond the context.</summary>
    public static IServiceCollection AddUnvDatabasePreparation(this IServiceCollection services)
    {
        services.AddScoped<ReferenceDataLoader>();
        services.AddScoped<AdminBootstrap>();
        services.AddSettings<BootstrapOptions>(BootstrapOptions.Section);
        return services;
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
            scope.ServiceProvider.GetRequiredService<IOptions<BootstrapOptions>>().Value);
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
    /// <c>DatabaseSetup.LogFailuresAsWarnings</c> turns into a warning: a first start logged two. Creating
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
}
