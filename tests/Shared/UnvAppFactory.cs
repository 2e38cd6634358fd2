using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.Testing;

/// <summary>
/// The real app (Program.cs, migrations, reference data) on a <see cref="TestDatabase"/>, in the
/// Production environment unless told otherwise, with any extra settings a test needs.
/// </summary>
public sealed class UnvAppFactory(
    TestDatabase database,
    IReadOnlyDictionary<string, string>? settings = null,
    string environment = "Production",
    Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    /// <summary>Starts the app on a real Kestrel port (for the browser) and returns its address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel did not report its address.");
        return new Uri(addresses.Addresses.First());
    }

    /// <summary>A fresh context on the app's own database, for asserting what was written.</summary>
    public AsyncServiceScopeContext CreateDbScope()
    {
        var scope = Services.CreateAsyncScope();
        return new AsyncServiceScopeContext(scope, scope.ServiceProvider.GetRequiredService<UnvDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);

        // Outside Development the host only serves assets from the published layout. The tests run
        // the build output, whose assets (and their precompressed copies) are mapped by the
        // static web assets manifest; without it a browser asking for gzip gets empty files.
        builder.UseStaticWebAssets();

        // The test server and the browser tests' Kestrel speak plain HTTP, where browsers and
        // HttpClient drop Secure, __Host- cookies; and many tests sign in more often than a
        // real person would. Tests of those two defences set them back (a test's settings win).
        builder.UseSetting("Cookies:HttpsOnly", "false");
        builder.UseSetting("RateLimits:SignInPerMinute", "1000");

        // Production serves only listed hosts: the test server's, Kestrel's loopback, and the
        // made-up public host some tests ask for.
        builder.UseSetting("AllowedHosts", "localhost;127.0.0.1;dashboard.unv.test");
        foreach (var (key, value) in database.Settings)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
    }
}

public sealed class AsyncServiceScopeContext(AsyncServiceScope scope, UnvDbContext db) : IAsyncDisposable
{
    public UnvDbContext Db { get; } = db;

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
