using Microsoft.Data.Sqlite;

namespace UnvReporting.Web.Platform.Hosting;

/// <summary>
/// <c>dotnet UnvReporting.Web.dll backup PATH</c>: copies the SQLite database to a new file while
/// the app keeps serving and writing (docs/reliability.md). PostgreSQL is backed up with its own
/// tools (pg_dump), which the command says.
/// </summary>
internal static class BackupCommand
{
    public static async Task<int> RunAsync(WebApplication app, DatabaseOptions database, string[] args)
    {
        // A category of our own: Microsoft.* loggers are held at Warning, and the operator needs the success line.
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("UnvReporting.Backup");
        try
        {
            if (database.Provider != DatabaseProvider.Sqlite)
            {
                logger.LogError("backup copies the SQLite database; back up PostgreSQL with pg_dump -Fc (docs/reliability.md)");
                return 2;
            }

            if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]))
            {
                logger.LogError("Usage: backup PATH  (a new file; an existing one is not overwritten)");
                return 2;
            }

            await using var scope = app.Services.CreateAsyncScope();
            var source = scope.ServiceProvider.GetRequiredService<UnvDbContext>().Database.GetConnectionString()!;
            var target = Path.GetFullPath(args[1]);
            SqliteBackup.Copy(source, target);
            logger.LogInformation("Backed up the SQLite database to {Path}", target);
            return 0;
        }
        catch (Exception exception) when (exception is IOException or SqliteException or InvalidOperationException)
        {
            logger.LogError(exception, "Backup failed; no usable file was written");
            return 1;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}

/// <summary>SQLite's online backup: a consistent copy of a database that other connections keep using.</summary>
public static class SqliteBackup
{
    /// <summary>
    /// Copies the database of <paramref name="sourceConnectionString"/> into a new file at
    /// <paramref name="targetPath"/>. The copy is one transaction's view: a write that commits
    /// meanwhile is either wholly in it or not at all. Refuses to overwrite a file.
    /// </summary>
    public static void Copy(string sourceConnectionString, string targetPath)
    {
        if (File.Exists(targetPath))
        {
            throw new IOException($"{targetPath} exists already; choose a new file name.");
        }

        // Written beside the target and renamed at the end, so a failed backup never leaves a
        // half-written file under the name an operator would restore from.
        var partial = targetPath + ".partial";
        File.Delete(partial);
        var sourceBuilder = new SqliteConnectionStringBuilder(sourceConnectionString) { Pooling = false };
        using (var source = new SqliteConnection(sourceBuilder.ConnectionString))
        using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ConnectionString))
        {
            source.Open();
            target.Open();

            // One step (-1) under a read transaction: in WAL mode the app's writers carry on
            // meanwhile, and the copy cannot be restarted half-way by their commits.
            source.BackupDatabase(target);
        }

        File.Move(partial, targetPath);
    }
}
