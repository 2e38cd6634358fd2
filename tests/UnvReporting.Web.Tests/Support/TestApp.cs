using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.Web.Tests.Support;

/// <summary>A test's own database and the app started on it; disposing stops the app and drops the database.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private TestApp(TestDatabase database, UnvAppFactory factory)
    {
        Database = database;
        Factory = factory;
        Client = factory.CreateClient(new() { AllowAutoRedirect = false });
        Url = new AppUrls(factory.Services);
    }

    public TestDatabase Database { get; }

    public UnvAppFactory Factory { get; }

    /// <summary>A visitor's client: no cookies kept, redirects shown rather than followed.</summary>
    public HttpClient Client { get; }

    /// <summary>The app's addresses, by page and endpoint name.</summary>
    public AppUrls Url { get; }

    public IServiceProvider Services => Factory.Services;

    public static async Task<TestApp> StartAsync(
        DatabaseProvider provider,
        IReadOnlyDictionary<string, string>? settings = null,
        string environment = "Production",
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return new TestApp(database, new UnvAppFactory(database, settings, environment, configureServices));
    }

    /// <summary>Starts the app on a database the test made itself (on a cluster it may stop, say); disposing drops it.</summary>
    public static TestApp StartOn(
        TestDatabase database,
        IReadOnlyDictionary<string, string>? settings = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null) =>
        new(database, new UnvAppFactory(database, settings, configureServices: configureServices));

    /// <summary>Starts a second app on the same database, as a restart or another instance would.</summary>
    public UnvAppFactory StartAnotherOnSameDatabase() => new(Database);

    public AsyncServiceScopeContext CreateDbScope() => Factory.CreateDbScope();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
