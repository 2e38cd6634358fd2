using Npgsql;

namespace UnvReporting.Web.Caching;

/// <summary>
/// PostgreSQL only: listens on <see cref="PublishedCache.Channel"/> and empties this instance's
/// cache when another instance saves a change. While the listening connection is down nothing can
/// be heard, so every (re)connection starts by evicting everything.
/// </summary>
public sealed class PublishedCacheListener(
    IConfiguration configuration, PublishedCacheEviction eviction, ILogger<PublishedCacheListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Postgres"))
        {
            // Its own connection, held open: a pooled one would be reset (UNLISTEN) when returned.
            Pooling = false,

            // WaitAsync would otherwise wait forever on a connection whose server went away.
            KeepAlive = 15,
        }.ConnectionString;

        // Doubles after each failure, up to half a minute: a long outage or a wrong password
        // should not write a warning every two seconds. Each reconnection evicts everything, so a
        // longer wait never serves stale answers.
        var retryDelay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload != eviction.InstanceId)
                    {
                        // The in-memory store evicts synchronously; nothing is left to await.
                        _ = eviction.EvictAsync("another instance saved a change");
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {PublishedCache.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                await eviction.EvictAsync("listening for changes", stoppingToken);
                retryDelay = FirstRetryDelay;
                logger.LogInformation("Listening for published-data changes of other instances on {Channel}.", PublishedCache.Channel);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "The listener for other instances' changes lost its connection; retrying in {Delay}.", retryDelay);
                try
                {
                    await Task.Delay(retryDelay, stoppingToken);
                    retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, LongestRetryDelay.Ticks));
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
