namespace UnvReporting.Web.Platform.Hosting;

/// <summary>
/// <c>dotnet UnvReporting.Web.dll create-admin EMAIL</c>: creates an Admin (or restores an existing
/// account as Admin) with the password read from standard input, so it never appears in the
/// shell history or the process list. For when the bootstrap settings were not used, or every
/// Admin has lost access.
/// </summary>
internal static class CreateAdminCommand
{
    public static async Task<int> RunAsync(WebApplication app, DatabaseOptions database, string[] args, TextReader input)
    {
        var logger = app.Services.GetRequiredService<ILogger<WebApplication>>();
        try
        {
            if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]) || !args[1].Contains('@', StringComparison.Ordinal))
            {
                logger.LogError("Usage: create-admin EMAIL  (the password is read from standard input)");
                return 2;
            }

            var password = (await input.ReadLineAsync())?.TrimEnd('\r') ?? string.Empty;
            await app.Services.PrepareDatabaseAsync(database.LoadReferenceData);
            await using var scope = app.Services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().CreateAdminAsync(args[1], password);
            logger.LogInformation("Admin account {Email} is ready", SecurityEvents.Clean(user.Email));
            return 0;
        }
        catch (InvalidOperationException exception)
        {
            logger.LogError("create-admin failed: {Message}", exception.Message);
            return 1;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
