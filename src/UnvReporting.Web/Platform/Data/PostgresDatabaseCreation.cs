using Npgsql;

namespace UnvReporting.Web.Platform.Data;

/// <summary>
/// A start-up failure the operator fixes from its message alone, such as a database to create:
/// start-up and the commands log it as that one line, without a stack trace, and exit 1.
/// </summary>
public sealed class DatabaseSetupException(string message) : InvalidOperationException(message);

/// <summary>
/// Creates the configured PostgreSQL database when the server does not have it yet, as EF Core's
/// migrate would. Start-up must do it before migrating, because it takes its migration lock on a
/// connection to that very database (Platform/Hosting/DatabasePreparation).
/// </summary>
internal static class PostgresDatabaseCreation
{
    /// <summary>The database every server has, which EF Core's creator also connects to for CREATE DATABASE.</summary>
    private const string MaintenanceDatabase = "postgres";

    public static async Task EnsureExistsAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        // A plain connection, not EF's: EF would log the "does not exist" it expects here as a
        // connection error, which the app raises to a warning (DatabaseSetup.LogFailuresAsWarnings).
        await using (var probe = new NpgsqlConnection(connectionString))
        {
            try
            {
                await probe.OpenAsync(cancellationToken);
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                // Created below.
            }
        }

        await CreateAsync(connectionString, logger, cancellationToken);
    }

    /// <summary>Creates the database, owned by the connection's account; one that exists by now is left as it is.</summary>
    internal static async Task CreateAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var account = target.Username ?? Environment.UserName;
        var name = target.Database ?? account;
        var server = $"{target.Host}:{target.Port}";
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = MaintenanceDatabase, Pooling = false, Multiplexing = false };
        logger.LogInformation("Database '{Database}' does not exist on {Server}; creating it", name, server);
        try
        {
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance, starting at the same moment, created it between our look and our
            // CREATE (the unique violation when both reach the catalogue together).
        }
        catch (PostgresException exception)
        {
            var reason = exception.SqlState == PostgresErrorCodes.InsufficientPrivilege
                ? $"the account '{account}' may not create it"
                : $"the account '{account}' could not create it ({exception.SqlState}: {exception.MessageText})";
            throw new DatabaseSetupException(
                $"Database '{name}' does not exist on {server} and {reason}. " +
                $"Create it as a PostgreSQL superuser, for example: createdb -h {target.Host} -p {target.Port} -O {account} {name}");
        }
    }
}
