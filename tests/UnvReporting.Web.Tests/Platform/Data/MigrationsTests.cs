using Microsoft.EntityFrameworkCore;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Data;

public class MigrationsTests
{
    [Theory, BothProviders]
    public async Task Start_up_applies_every_migration_of_the_provider(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.CreateDbScope();

        (await scope.Db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await scope.Db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
        scope.Db.GetType().ShouldBe(provider == DatabaseProvider.Sqlite ? typeof(SqliteUnvDbContext) : typeof(PostgresUnvDbContext));
    }

    [Theory, BothProviders]
    public async Task The_migrations_describe_the_current_model(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.CreateDbScope();

        // Fails when an entity or configuration changed without `dotnet ef migrations add` for this provider.
        scope.Db.Database.HasPendingModelChanges().ShouldBeFalse();
    }
}
