using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace UnvReporting.Web.Platform.Caching;

/// <summary>
/// Evicts the published answers when a save changes a domain row, once the change is committed:
/// evicting before the commit would let a reader put the old figures straight back into the cache.
/// (A reader already under way at the commit can still store what it read; the eviction repeats a
/// few seconds later for that, <see cref="PublishedCacheEviction.SecondEviction"/>.) On PostgreSQL
/// the other instances are told with <c>pg_notify</c> inside the committing transaction, so they
/// hear of the change exactly when it becomes visible and never of one rolled back; a save that
/// needed no transaction of its own notifies right after it.
/// </summary>
public sealed class PublishedCacheInterceptor(PublishedCacheEviction eviction, ILogger<PublishedCacheInterceptor> logger)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // A save that needed no transaction of its own (EF skips it for a single statement) has
    // committed by now; one inside a transaction waits for TransactionCommitted.
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (TakeUncommitted(eventData.Context) is { } db)
        {
            eviction.EvictAsync("saved").AsTask().GetAwaiter().GetResult();
            NotifyOutsideTransactionAsync(db).AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // This instance first, and neither step may fail the save: it has committed, and the
        // request being cancelled now must not leave the old answers in place.
        if (TakeUncommitted(eventData.Context) is { } db)
        {
            await eviction.EvictAsync("saved", CancellationToken.None);
            await NotifyOutsideTransactionAsync(db);
        }

        return result;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (IsMarkedPostgres(eventData.Context))
        {
            using var command = NotifyCommand(transaction.Connection!, transaction);
            command.ExecuteNonQuery();
        }

        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (IsMarkedPostgres(eventData.Context))
        {
            await using var command = NotifyCommand(transaction.Connection!, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        EvictIfMarkedAsync(eventData.Context, "committed").AsTask().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        EvictIfMarkedAsync(eventData.Context, "committed").AsTask();

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Take(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    // A commit that failed on its way back (the connection dropped) may have committed all the
    // same; an eviction too many costs nothing.
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        EvictIfMarkedAsync(eventData.Context, "a transaction failed").AsTask().GetAwaiter().GetResult();

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        EvictIfMarkedAsync(eventData.Context, "a transaction failed").AsTask();

    // Never with the request's token: the change may have committed, and a cancelled request must
    // not leave the old answers in place.
    private ValueTask EvictIfMarkedAsync(DbContext? context, string why) =>
        Take(context) ? eviction.EvictAsync(why, CancellationToken.None) : ValueTask.CompletedTask;

    private static void Mark(DbContext? context)
    {
        if (context is UnvDbContext db && !db.PublishedDataChanged)
        {
            db.ChangeTracker.DetectChanges();
            db.PublishedDataChanged = db.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && AuditTrail.IsAudited(e.Metadata.ClrType));
        }
    }

    private static bool Take(DbContext? context)
    {
        if (context is UnvDbContext { PublishedDataChanged: true } db)
        {
            db.PublishedDataChanged = false;
            return true;
        }

        return false;
    }

    private static UnvDbContext? TakeUncommitted(DbContext? context) =>
        context is UnvDbContext { PublishedDataChanged: true } db && db.Database.CurrentTransaction is null && Take(db) ? db : null;

    private static bool IsMarkedPostgres(DbContext? context) =>
        context is UnvDbContext { PublishedDataChanged: true } db && db.Database.IsNpgsql();

    private DbCommand NotifyCommand(DbConnection connection, DbTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_notify(@channel, @instance)";
        AddParameter(command, "channel", PublishedCache.Channel);
        AddParameter(command, "instance", eviction.InstanceId);
        return command;
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    // The change is already committed: a failure to tell the others must not turn a successful save
    // into an error. Their copies then expire after Performance:OutputCacheLifetime at the latest.
    private async ValueTask NotifyOutsideTransactionAsync(UnvDbContext db)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        try
        {
            var connection = db.Database.GetDbConnection();
            var opened = connection.State != System.Data.ConnectionState.Open;
            if (opened)
            {
                await connection.OpenAsync(CancellationToken.None);
            }

            try
            {
                await using var command = NotifyCommand(connection, null);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            finally
            {
                if (opened)
                {
                    await connection.CloseAsync();
                }
            }
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Other instances could not be told that published data changed; their cached answers expire on their own.");
        }
    }
}
