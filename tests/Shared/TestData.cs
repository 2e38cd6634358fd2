using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Auditing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;

namespace UnvReporting.Testing;

/// <summary>
/// Data a test sets up for itself, saved the way the product saves a change: through
/// <see cref="UnvDbContext.SaveAuditedAsync"/>, with its audit entries and versions, never
/// through the reference-data load (which is the migrate command's, for an empty database). What
/// a test then checks is the staff's part of the trail: <see cref="ByStaff"/> leaves out the
/// set-up's own entries.
/// </summary>
public static class TestData
{
    /// <summary>Who the audit trail says made the set-up: nobody a test signs in as.</summary>
    public static readonly StaffActor Actor = new(null, "test-data@unv.test");

    /// <summary>
    /// Applies <paramref name="change"/> in a context of its own and saves it audited; returns
    /// what the change returns, once saved (a new row, which the save gave its id).
    /// </summary>
    public static async Task<T> SaveAsync<T>(this IServiceProvider services, Func<UnvDbContext, Task<T>> change)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UnvDbContext>();
        var result = await change(db);
        await db.SaveAuditedAsync(Actor, null, DateTimeOffset.UtcNow);
        return result;
    }

    public static Task SaveAsync(this IServiceProvider services, Func<UnvDbContext, Task> change) =>
        services.SaveAsync<bool>(async db =>
        {
            await change(db);
            return true;
        });

    /// <summary>The audit entries of everyone but the tests' own set-up.</summary>
    public static IQueryable<AuditEntry> ByStaff(this DbSet<AuditEntry> entries) =>
        entries.Where(a => a.UserName != Actor.UserName);
}
