using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace UnvReporting.Benchmarks;

/// <summary>
/// Where the synthetic rows go. The app's SaveChanges refuses audited rows without an audit trail,
/// and EF would take minutes for a million rows anyway, so rows are written with the fastest path
/// each database offers: binary COPY on PostgreSQL, one transaction with one prepared INSERT per
/// table on SQLite. The schema is the app's own, created by its `migrate` command beforehand.
/// </summary>
public abstract class BulkTarget : IAsyncDisposable
{
    public static async Task<BulkTarget> OpenAsync(string provider, string connectionString) =>
        provider.ToLowerInvariant() switch
        {
            "sqlite" => await SqliteTarget.OpenAsync(connectionString),
            "postgres" => await PostgresTarget.OpenAsync(connectionString),
            _ => throw new ArgumentException($"Provider must be sqlite or postgres (got '{provider}')."),
        };

    /// <summary>A command on the target's connection (and its transaction, where there is one).</summary>
    protected abstract DbCommand CreateCommand();

    /// <summary>
    /// Starts writing rows of one table; values are given in the order of the columns. One table
    /// at a time: dispose it before the next (a PostgreSQL connection runs one COPY at a time).
    /// </summary>
    public abstract Task<IBulkTable> TableAsync(string table, params string[] columns);

    /// <summary>After rows with explicit ids: the database must not hand out those ids again.</summary>
    public virtual Task ResetIdentityAsync(string table) => Task.CompletedTask;

    public virtual Task CommitAsync() => Task.CompletedTask;

    /// <summary>Planner statistics, as a production database would soon have them from autovacuum.</summary>
    public virtual Task AnalyzeAsync() => Task.CompletedTask;

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<object?[]>> RowsAsync(string sql)
    {
        await using var command = CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public abstract ValueTask DisposeAsync();

    protected static string Quote(string name) => $"\"{name}\"";
}

public interface IBulkTable : IAsyncDisposable
{
    Task WriteAsync(params object?[] values);
}

internal sealed class SqliteTarget : BulkTarget
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    private SqliteTarget(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    protected override DbCommand CreateCommand()
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        return command;
    }

    public static async Task<BulkTarget> OpenAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            // Only the generator's own writes: a crash mid-way means generating again anyway.
            pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync();
        }

        return new SqliteTarget(connection, (SqliteTransaction)await connection.BeginTransactionAsync());
    }

    public override Task<IBulkTable> TableAsync(string table, params string[] columns)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(Quote))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        command.Prepare();
        return Task.FromResult<IBulkTable>(new Table(command, parameters));
    }

    public override Task CommitAsync() => _transaction.CommitAsync();

    public override async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private sealed class Table(SqliteCommand command, SqliteParameter[] parameters) : IBulkTable
    {
        public async Task WriteAsync(params object?[] values)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                // The app stores decimals as REAL on SQLite (SqliteUnvDbContext) and booleans as 0/1.
                parameters[i].Value = values[i] switch
                {
                    null => DBNull.Value,
                    decimal number => (double)number,
                    bool flag => flag ? 1 : 0,
                    var other => other,
                };
            }

            await command.ExecuteNonQueryAsync();
        }

        public ValueTask DisposeAsync() => command.DisposeAsync();
    }
}

internal sealed class PostgresTarget : BulkTarget
{
    private readonly NpgsqlConnection _connection;

    private PostgresTarget(NpgsqlConnection connection) => _connection = connection;

    protected override DbCommand CreateCommand() => _connection.CreateCommand();

    public static async Task<BulkTarget> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return new PostgresTarget(connection);
    }

    public override Task<IBulkTable> TableAsync(string table, params string[] columns)
    {
        var importer = _connection.BeginBinaryImport($"COPY {Quote(table)} ({string.Join(", ", columns.Select(Quote))}) FROM STDIN (FORMAT BINARY)");
        return Task.FromResult<IBulkTable>(new Table(importer));
    }

    public override async Task ResetIdentityAsync(string table)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT setval(pg_get_serial_sequence('{Quote(table)}', 'Id'), (SELECT MAX(\"Id\") FROM {Quote(table)}))";
        await command.ExecuteNonQueryAsync();
    }

    public override async Task AnalyzeAsync()
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "ANALYZE";
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    public override ValueTask DisposeAsync() => _connection.DisposeAsync();

    private sealed class Table(NpgsqlBinaryImporter importer) : IBulkTable
    {
        public async Task WriteAsync(params object?[] values)
        {
            await importer.StartRowAsync();
            foreach (var value in values)
            {
                // Binary COPY needs the exact wire type of each column; the .NET types used by the
                // generator (int, long, decimal, bool, string) map one to one onto the app's columns.
                await (value switch
                {
                    null => importer.WriteNullAsync(),
                    int number => importer.WriteAsync(number),
                    long number => importer.WriteAsync(number),
                    decimal number => importer.WriteAsync(number),
                    bool flag => importer.WriteAsync(flag),
                    string text => importer.WriteAsync(text),
                    _ => throw new ArgumentException($"No COPY mapping for {value.GetType().Name}."),
                });
            }
        }

        public async ValueTask DisposeAsync()
        {
            await importer.CompleteAsync();
            await importer.DisposeAsync();
        }
    }
}
