using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace UnvReporting.Web.Tests.Support;

/// <summary>
/// Every table of a database with its row count and a checksum of its rows, read through plain
/// ADO.NET so it covers tables no DbContext maps (migrations history, keys another feature adds).
/// Two databases with equal contents hold the same rows, whatever their physical order.
/// </summary>
public static class TableContents
{
    public sealed record Table(string Name, int Rows, string Sha256);

    public static async Task<List<Table>> ReadPostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var names = await NamesAsync(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
        return await ReadAsync(connection, names, name => $"SELECT * FROM \"{name}\"");
    }

    public static async Task<List<Table>> ReadSqliteAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var names = await NamesAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        return await ReadAsync(connection, names, name => $"SELECT * FROM \"{name}\"");
    }

    private static async Task<List<string>> NamesAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<List<Table>> ReadAsync(DbConnection connection, List<string> names, Func<string, string> select)
    {
        var tables = new List<Table>();
        foreach (var name in names)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = select(name);
            var rows = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var values = new string[reader.FieldCount];
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        values[i] = reader.IsDBNull(i) ? "∅" : Format(reader.GetValue(i));
                    }

                    rows.Add(string.Join('\u001F', values));
                }
            }

            // Sorted, so the checksum does not depend on the order the rows happen to be stored in.
            rows.Sort(StringComparer.Ordinal);
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001E', rows)));
            tables.Add(new Table(name, rows.Count, Convert.ToHexString(hash)));
        }

        return tables;
    }

    private static string Format(object value) => value switch
    {
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
