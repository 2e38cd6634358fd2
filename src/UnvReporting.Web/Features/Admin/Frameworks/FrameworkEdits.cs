using System.Security.Claims;

namespace UnvReporting.Web.Features.Admin.Frameworks;

/// <summary>How an Admin's change to a framework ended: saved, refused by a rule, or made on a version someone else had changed.</summary>
public sealed record FrameworkEditOutcome(bool Saved, DomainException? Refusal)
{
    public bool Conflict => !Saved && Refusal is null;
}

/// <summary>
/// The one way a framework, its rating bands, result areas and indicators are changed from the
/// Admin pages. These rows belong to no reporting year, so the year's unit of work
/// (<see cref="YearChanges"/>) does not hold them; what they share with it is the version the
/// Admin saw, the audit trail, and a clean context when the change is refused, so the page
/// shows the rows as they are now.
/// </summary>
public static class FrameworkEdits
{
    public static async Task<FrameworkEditOutcome> SaveAsync(
        this UnvDbContext db, object row, string? version, Func<Task> change, ClaimsPrincipal user, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            if (ConcurrencyVersion.Expect(db.Entry(row), version))
            {
                await change();
                await db.SaveAuditedAsync(StaffActor.From(user), reason, now, cancellationToken);
                return new(true, null);
            }

            db.ChangeTracker.Clear();
            return new(false, null);
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            return new(false, refusal);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(false, null);
        }
    }
}
