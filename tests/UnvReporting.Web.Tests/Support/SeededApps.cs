using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.Web.Tests.Support;

/// <summary>
/// One app on the seed data per provider, shared by the tests of a class that only read
/// (<c>IClassFixture&lt;SeededApps&gt;</c>): starting an app makes and migrates a database and
/// loads the reference data, which costs more than most such tests. A test that writes, or
/// needs other settings, starts its own <see cref="TestApp"/>. xUnit runs a class's tests one
/// after another, so they never read while another writes.
/// </summary>
public sealed class SeededApps : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<TestApp>> _apps = [];

    /// <summary>The shared app on this provider, started on first use.</summary>
    public Task<TestApp> OnAsync(DatabaseProvider provider)
    {
        lock (_apps)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = TestApp.StartAsync(provider);
                _apps[provider] = app;
            }

            return app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await (await app).DisposeAsync();
        }
    }
}
