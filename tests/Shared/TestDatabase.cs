using Microsoft.Data.Sqlite;
using Npgsql;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.Testing;

/// <summary>
/// A fresh, empty database of its own for one test, and a data folder for the app's files
/// (SQLite database, logs). Disposing drops the database and deletes the folder, so no test
/// sees another's data.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresDatabase;
    private readonly string? _adminConnectionString;

    private TestDatabase(DatabaseProvider provider, string dataFolder, string connectionString, string? postgresDatabase, string? adminConnectionString)
    {
        Provider = provider;
        DataFolder = dataFolder;
        ConnectionString = connectionString;
        _postgresDatabase = postgresDatabase;
        _adminConnectionString = adminConnectionString;
    }

    public DatabaseProvider Provider { get; }

    public string DataFolder { get; }

    public string ConnectionString { get; }

    /// <summary>The settings that point the app at this database.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database:Provider"] = Provider.ToString(),
        [$"ConnectionStrings:{Provider}"] = ConnectionString,
        ["DataFolder"] = DataFolder,
    };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("unv-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, folder, $"Data Source={Path.Combine(folder, DatabaseSetup.SqliteFileName)}", null, null);
        }

        return await CreatePostgresAsync(await PostgresServer.GetAdminConnectionStringAsync(), folder);
    }

    /// <summary>A fresh database on a server of the test's own (a <see cref="PostgresCluster"/> it may stop).</summary>
    public static Task<TestDatabase> CreateOnAsync(PostgresCluster cluster) =>
        CreatePostgresAsync(cluster.AdminConnectionString, Directory.CreateTempSubdirectory("unv-test-").FullName);

    private static async Task<TestDatabase> CreatePostgresAsync(string admin, string folder)
    {
        var name = $"unv_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, folder, connectionString, name, admin);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresDatabase is not null && _adminConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        Directory.Delete(DataFolder, recursive: true);
    }
}
