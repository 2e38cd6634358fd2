namespace UnvReporting.Web.Platform.Security;

/// <summary>
/// Account changes in the audit log (subject <c>account</c>), beside the security log. Identity
/// saves an account change by itself, so the entry is saved right after it rather than in the
/// same transaction (the PostgreSQL retry strategy would need the whole Identity call replayed
/// inside one): a crash between the two loses the entry, never the change. The security log
/// (<see cref="SecurityEvents"/>) records the change as well. The accounts page (Admin/Users)
/// runs its changes inside a transaction of its own, so there the entry and the change commit together.
/// </summary>
public static class AccountAudit
{
    public const string Subject = "account";

    public static async Task RecordAsync(
        UnvDbContext db, StaffActor actor, DateTimeOffset at, AuditAction action, string email, string field, string? oldValue, string? newValue, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry(at, actor.UserId, actor.UserName, action, Subject, email, null, null, field, oldValue, newValue, null));
        await db.SaveChangesAsync(cancellationToken);
    }
}
