using System.Net.Sockets;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace UnvReporting.Web.Platform.Hosting;

/// <summary>
/// Tells a database that is down, restarting or locked from a bug. The first is the operator's
/// business and passes: readers get 503 with Retry-After (the friendly page, or problem details on
/// /api) instead of 500, so browsers, clients and load balancers know to come back. Everything
/// else stays a 500. This is the one place that decides (docs/reliability.md).
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>The pages promise "try again in a minute"; clients get the same figure in Retry-After.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The SQLite primary result codes that say the file cannot be used now, for a reason outside
    /// the app: SQLITE_BUSY (5) and SQLITE_LOCKED (6), another writer or a lock held too long;
    /// SQLITE_READONLY (8), the file or its folder made read-only; SQLITE_IOERR (10), the disk or
    /// network share failing; SQLITE_FULL (13), the disk full; SQLITE_CANTOPEN (14), the file gone
    /// or out of reach; SQLITE_PROTOCOL (15), the WAL index locked by another process. A corrupt
    /// file, a constraint or a malformed statement stays a 500: waiting will not mend it.
    /// </summary>
    private static readonly int[] SqliteUnavailableCodes = [5, 6, 8, 10, 13, 14, 15];

    /// <summary>True when the exception, or one it wraps, says the database cannot be reached or used right now.</summary>
    public static bool IsCause(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (Describes(current))
            {
                return true;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(IsCause))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Registers <see cref="DatabaseUnavailableHandler"/>, and keeps the periodic check of the staff
    /// cookie against the database (Identity's security stamp) from failing the error page: when
    /// the database cannot answer, that check would throw inside authentication, and the friendly
    /// page, which runs authentication again, would fail the same way and leave a bare 500. The
    /// check is skipped for that request instead. Nothing is served on the strength of the skip:
    /// every staff page and endpoint checks the account against the database again
    /// (CurrentAccountRequirement), which fails and ends in the 503 page, and public pages need no
    /// account. The check runs again on the next request.
    /// </summary>
    public static IServiceCollection AddDatabaseUnavailableHandling(this IServiceCollection services)
    {
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var validate = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                try
                {
                    await validate(context);
                }
                catch (Exception exception) when (IsCause(exception))
                {
                    // Logged where the request itself fails for want of the database.
                }
            };
        });
        return services;
    }

    /// <summary>For <c>ExceptionHandlerOptions.StatusCodeSelector</c>.</summary>
    public static int StatusCodeFor(Exception exception) =>
        IsCause(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    /// <summary>
    /// The pages' exception handler: 503 for an unavailable database, logged once by
    /// <see cref="DatabaseUnavailableHandler"/> (the middleware's own "unhandled exception" entry is
    /// suppressed for it), the friendly page at <paramref name="errorPath"/> for everything.
    /// </summary>
    public static ExceptionHandlerOptions PageOptions(string errorPath) => new()
    {
        ExceptionHandlingPath = errorPath,
        StatusCodeSelector = StatusCodeFor,
        SuppressDiagnosticsCallback = context => IsCause(context.Exception),
    };

    private static bool Describes(Exception exception) => exception switch
    {
        // A server error with a SQLSTATE: only the connection class and the shutdown codes mean
        // "unavailable"; a constraint or syntax error is a bug or a conflict, not an outage.
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.TooManyConnections,
        // No SQLSTATE: Npgsql could not connect or lost the connection (refused, reset, timed out),
        // which it calls transient; its other errors are misuse and stay 500.
        NpgsqlException npgsql => npgsql.IsTransient,
        SqliteException sqlite => SqliteUnavailableCodes.Contains(sqlite.SqliteErrorCode & 0xFF),
        SocketException or TimeoutException => true,
        // The retry strategy gave up; its inner exception says why, and the loop looks at it next.
        RetryLimitExceededException => false,
        _ => false,
    };
}

/// <summary>
/// Logs an unavailable database once, as an error, and marks the response 503 with Retry-After.
/// API requests get problem-details JSON here; pages go on to the friendly error page, which shows
/// the 503 text (Features/Error). Other exceptions are left to the default handling (500).
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problemDetails, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseUnavailable.IsCause(exception))
        {
            return false;
        }

        // The request log line beside it names the path; this one carries the exception.
        logger.LogError(exception, "The database is unavailable; request {RequestId} answered 503", context.TraceIdentifier);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = ((int)DatabaseUnavailable.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is temporarily unavailable",
                Detail = "The database cannot be reached at the moment; try again in a minute.",
            },
        });
    }
}
