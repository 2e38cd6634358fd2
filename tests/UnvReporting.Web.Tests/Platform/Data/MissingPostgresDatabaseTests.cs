using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Data;

/// <summary>
/// The README's PostgreSQL command on a fresh server: the named database is not there yet. The
/// app and the migrate command create it when the account may, as EF Core's migrate would, and
/// otherwise stop with one line that says what to create.
/// </summary>
public class MissingPostgresDatabaseTests
{
    [Fact]
    public async Task Start_up_creates_the_database_owned_by_an_account_that_may_create_databases()
    {
        await using var missing = await MissingDatabase.CreateAsync(mayCreateDatabases: true);
        await using var placeholder = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new UnvAppFactory(placeholder, missing.Settings);

        (await app.CreateClient().GetAsync("/health/ready")).EnsureSuccessStatusCode();

        (await missing.OwnerAsync()).ShouldBe(missing.Account);
        await using var scope = app.CreateDbScope();
        scope.Db.Database.GetConnectionString()!.ShouldContain(missing.Name);
        (await scope.Db.IndicatorYears.CountAsync()).ShouldBe(28);
    }

    [Fact]
    public async Task Migrate_creates_the_database_too()
    {
        await using var missing = await MissingDatabase.CreateAsync(mayCreateDatabases: true);

        var (exitCode, output) = await AppCommand.RunAsync(["migrate"], missing.Settings);

        exitCode.ShouldBe(0, output);
        (await missing.OwnerAsync()).ShouldBe(missing.Account);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("migrate")]
    public async Task Without_the_right_to_create_it_the_app_stops_with_one_line_saying_what_to_create(string command)
    {
        await using var missing = await MissingDatabase.CreateAsync(mayCreateDatabases: false);
        var builder = new NpgsqlConnectionStringBuilder(missing.ConnectionString);

        var (exitCode, output) = await AppCommand.RunAsync(command == "start" ? ["--urls", "http://127.0.0.1:0"] : [command], missing.Settings);

        exitCode.ShouldBe(1, output);
        output.ShouldContain(
            $"Database '{missing.Name}' does not exist on {builder.Host}:{builder.Port} and the account '{missing.Account}' may not create it. " +
            $"Create it as a PostgreSQL superuser, for example: createdb -h {builder.Host} -p {builder.Port} -O {missing.Account} {missing.Name}");
        output.ShouldNotContain("Unhandled exception");
        output.ShouldNotContain("   at ");
        (await missing.OwnerAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task A_database_another_instance_created_meanwhile_is_taken_as_it_is()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);

        // What an instance sees when another created the database between its look and its CREATE.
        await PostgresDatabaseCreation.CreateAsync(database.ConnectionString, NullLogger.Instance, CancellationToken.None);

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
    }

    /// <summary>A database name the server does not have, an account of its own, and a data folder; disposing drops what the test created.</summary>
    private sealed class MissingDatabase : IAsyncDisposable
    {
        private readonly string _admin;
        private readonly string _dataFolder;

        private MissingDatabase(string admin, string name, string account, string dataFolder)
        {
            _admin = admin;
            _dataFolder = dataFolder;
            Name = name;
            Account = account;
            ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Username = account }.ConnectionString;
        }

        public string Name { get; }

        public string Account { get; }

        public string ConnectionString { get; }

        public Dictionary<string, string> Settings => new()
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = ConnectionString,
            ["DataFolder"] = _dataFolder,
        };

        public static async Task<MissingDatabase> CreateAsync(bool mayCreateDatabases)
        {
            var admin = await PostgresServer.GetAdminConnectionStringAsync();
            var suffix = Guid.NewGuid().ToString("N");
            var missing = new MissingDatabase(admin, $"unv_missing_{suffix}", $"unv_account_{suffix}", Directory.CreateTempSubdirectory("unv-test-").FullName);
            await missing.ExecuteAsync($"CREATE ROLE \"{missing.Account}\" LOGIN {(mayCreateDatabases ? "CREATEDB" : "NOCREATEDB")}");
            return missing;
        }

        /// <summary>The database's owner, or null while the server does not have it.</summary>
        public async Task<string?> OwnerAsync()
        {
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            await using var query = new NpgsqlCommand("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = @name", connection);
            query.Parameters.AddWithValue("name", Name);
            return (string?)await query.ExecuteScalarAsync();
        }

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
            await ExecuteAsync($"DROP ROLE IF EXISTS \"{Account}\"");
            Directory.Delete(_dataFolder, recursive: true);
        }

        private async Task ExecuteAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
