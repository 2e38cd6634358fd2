using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace UnvReporting.Web.Platform.Hosting;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the database is reachable and
/// every migration is applied, so a load balancer only routes to instances that can serve data.
/// </summary>
public static class HealthChecks
{
    private const string ReadyTag = "ready";

    /// <summary>
    /// A probe must answer quickly even when the database does not: within five seconds, as the
    /// README promises, of which the check has four and the answer the rest.
    /// </summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(4);

    public static void AddUnvHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag], timeout: CheckTimeout);

    public static void MapUnvHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteAsync,
        });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteAsync,
        });
    }

    // Names, statuses and our own descriptions only: exception details stay in the log.
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }
}

/// <summary>
/// Opens a connection and reads the migrations history. It deliberately bypasses the retrying
/// execution strategy (EF's CanConnect would retry for half a minute): a probe reports the state
/// now and lets the load balancer ask again.
/// </summary>
/// <remarks>
/// The probe answers within <see cref="HealthChecks.CheckTimeout"/> even when the database does
/// not: SQLite waits inside its own library without looking at the token (about 10 seconds when
/// another process holds the WAL index), so the check stops waiting for it at the timeout and
/// leaves that read to end on its own. It therefore reads through a context of its own scope, which
/// the read disposes when it ends, never the request's.
/// </remarks>
public sealed class DatabaseReadyCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.Run(() => ProbeAsync(cancellationToken), CancellationToken.None).WaitAsync(cancellationToken);

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UnvDbContext>();

        // The ADO.NET connection itself: EF's OpenConnection would go through the retry strategy too.
        var connection = db.Database.GetDbConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", exception);
        }

        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("Reachable; all migrations applied.")
                : HealthCheckResult.Unhealthy(Plural.Of(pending, "1 migration not applied.", $"{pending} migrations not applied."));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The migrations history cannot be read.", exception);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
