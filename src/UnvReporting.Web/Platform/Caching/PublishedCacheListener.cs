using Npgsql;

namespace UnvReporting.Web.Platform.Caching;

/// <summary>
/// PostgreSQL only: listens on <see cref="PublishedCache.Channel"/> and empties this instance's
/// cache when another instance saves a change. While the listening connection is down nothing can
/// be heard, so every reconnection starts by evicting everything; the first connection is made
/// before the server takes requests, when there is nothing to evict.
/// </summary>
public sealed class PublishedCacheListener(
    IConfiguration configuration, PublishedCacheEviction eviction, ILogger<PublishedCacheListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long start-up waits for the first connection. Hosted services start before the server
    /// takes requests, so a listener connected here has missed nothing and needs no eviction; a
    /// database that does not answer in time is left to the background loop, which evicts on
    /// connecting as after any outage.
    /// </summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(3);

    private NpgsqlConnection? _first;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            _first = await ListenAsync(timeout.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "The listener for other instances' changes could not connect at start-up; retrying in the background.");
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Doubles after each failure, up to half a minute: a long outage or a wrong password
        // should not write a warning every two seconds. Each reconnection evicts everything, so a
        // longer wait never serves stale answers.
        var retryDelay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var connection = _first;
                _first = null;
                if (connection is null)
                {
                    connection = await ListenAsync(stoppingToken);
                    await eviction.EvictAsync("listening for changes", stoppingToken);
                }

                await using (connection)
                {
                    retryDelay = FirstRetryDelay;
                    logger.LogInformation("Listening for published-data changes of other instances on {Channel}.", PublishedCache.Channel);
                    while (true)
                    {
                        await connection.WaitAsync(stoppingToken);
                    }
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

    public override void Dispose()
    {
        _first?.Dispose();
        base.Dispose();
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Postgres"))
        {
            // Its own connection, held open: a pooled one would be reset (UNLISTEN) when returned.
            Pooling = false,

            // WaitAsync would otherwise wait forever on a connection whose server went away.
            KeepAlive = 15,
        }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            connection.Notification += (_, e) =>
            {
                if (e.Payload != eviction.InstanceId)
                {
                    // The in-memory store evicts synchronously; nothing is left to await.
                    _ = eviction.EvictAsync("another instance saved a change");
                }
            };
            await using var listen = new NpgsqlCommand($"LISTEN {PublishedCache.Channel}", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
