namespace UnvReporting.Web.Platform.Security;

/// <summary>
/// Lockout per account and client network (OWASP ASVS 5.0 6.3.1, and 6.1.1's "prevent malicious
/// account lockout"): <see cref="MaxFailures"/> failed sign-ins from one network lock the account
/// for that network for <see cref="Duration"/>; from every other network the owner still signs in.
/// Identity's own lockout counted per account, so five wrong passwords from anywhere locked any
/// account, Admins included. A guesser spread over many networks is slowed by the per-network
/// rate limit instead (<see cref="SignInRateLimits"/>), and by passwords that are not easy to
/// guess (<see cref="GuessablePasswordValidator"/>). Kept in the database, so every instance sees
/// the same lockouts.
/// </summary>
public sealed class SignInLockout(UnvDbContext db, TimeProvider clock)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    /// <summary>Rows of networks that stopped failing this long ago are deleted, so strangers' tries do not pile up.</summary>
    private static readonly TimeSpan Kept = TimeSpan.FromDays(1);

    public async Task<bool> IsLockedOutAsync(StaffUser user, string network)
    {
        var now = clock.GetUtcNow();
        return await db.SignInFailures.AnyAsync(f => f.UserId == user.Id && f.ClientNetwork == network && f.LockedUntil > now);
    }

    /// <summary>Counts a failure; true when it locks the account for the network.</summary>
    /// <remarks>
    /// The count is raised in the database in one statement, so failures arriving together at
    /// several instances are all counted. Failures count towards a lockout while they come within
    /// <see cref="Duration"/> of each other; after a quiet spell the count starts again.
    /// </remarks>
    public async Task<bool> RecordFailureAsync(StaffUser user, string network)
    {
        var now = clock.GetUtcNow();
        var quietSince = now - Duration;
        var row = db.SignInFailures.Where(f => f.UserId == user.Id && f.ClientNetwork == network);
        if (await Raise(row, now, quietSince) == 0)
        {
            var first = db.SignInFailures.Add(new SignInFailure { UserId = user.Id, ClientNetwork = network, Count = 1, LastFailedAt = now });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Another request added the row first: count on it.
                await Raise(row, now, quietSince);
            }
            finally
            {
                first.State = EntityState.Detached;
            }
        }

        var locked = await row.Where(f => f.Count >= MaxFailures)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Count, 0).SetProperty(f => f.LockedUntil, now + Duration)) > 0;
        var stale = now - Kept;
        await db.SignInFailures.Where(f => f.UserId == user.Id && f.LastFailedAt < stale && (f.LockedUntil == null || f.LockedUntil < now)).ExecuteDeleteAsync();
        return locked;
    }

    /// <summary>A successful sign-in from the network forgets its failures.</summary>
    public Task ResetAsync(StaffUser user, string network) =>
        db.SignInFailures.Where(f => f.UserId == user.Id && f.ClientNetwork == network).ExecuteDeleteAsync();

    /// <summary>An Admin's unlock: every network may try again.</summary>
    public Task ClearAsync(string userId, CancellationToken cancellationToken = default) =>
        db.SignInFailures.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    private static Task<int> Raise(IQueryable<SignInFailure> row, DateTimeOffset now, DateTimeOffset quietSince) =>
        row.ExecuteUpdateAsync(s => s
            .SetProperty(f => f.Count, f => f.LastFailedAt < quietSince ? 1 : f.Count + 1)
            .SetProperty(f => f.LastFailedAt, now));
}
