namespace UnvReporting.Testing;

/// <summary>
/// One real PostgreSQL server for the whole test run. Uses <c>UNV_TEST_POSTGRES</c> (an admin
/// connection string that may create databases) when it is set; otherwise starts a throwaway
/// <see cref="PostgresCluster"/>, which a watchdog removes when the test process ends.
/// There is no skip: without PostgreSQL the tests that need it fail, saying how to provide it.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "UNV_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> AdminConnection = new(StartAsync);

    /// <summary>Connection string of a superuser on the server's <c>postgres</c> database.</summary>
    public static Task<string> GetAdminConnectionStringAsync() => AdminConnection.Value;

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        // Kept for the whole run; the watchdog stops it after the test process.
        var cluster = await PostgresCluster.CreateAsync();
        return cluster.AdminConnectionString;
    }
}
