namespace UnvReporting.Web.Platform.Hosting;

internal static class MigrateCommand
{
    public static async Task<int> RunAsync(WebApplication app, DatabaseOptions database)
    {
        var logger = app.Services.GetRequiredService<ILogger<WebApplication>>();
        try
        {
            if (!await app.Services.TryPrepareDatabaseAsync(database.LoadReferenceData))
            {
                return 1;
            }

            logger.LogInformation("Database is migrated and ready ({Provider})", database.Provider);
            return 0;
        }
        catch (Exception exception)
        {
            logger.LogCritical(exception, "Migration failed; the database was left as the failing step found it");
            return 1;
        }
        finally
        {
            // Flushes the log sinks before the process ends.
            await app.DisposeAsync();
        }
    }
}
