using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Staff;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Platform.Security;

namespace UnvReporting.Web.Features.Staff.Years.Statistics;

/// <summary>
/// Shows the figure that would be deleted, then deletes it on a post that states the version the
/// editor saw (and, for a published year, why). The audit entry keeps the deleted values.
/// </summary>
public sealed class DeleteModel(UnvDbContext db, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }

    public EditRule Rule { get; private set; } = EditRule.Open;

    public FactSummary Fact { get; private set; } = null!;

    [BindProperty]
    public string? Version { get; set; }

    [BindProperty]
    [StringLength(ReportingYear.MaxReasonLength, ErrorMessage = "The reason can be at most 500 characters.")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int year, long id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Version = Fact.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, long id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!Rule.Allowed)
        {
            return Forbid();
        }

        var reportingYear = await db.ReportingYears.SingleAsync(y => y.Year == year, cancellationToken);
        string? reason;
        try
        {
            reason = reportingYear.CheckEdit(User.RoleOf()!.Value, Reason);
        }
        catch (DomainException exception)
        {
            ModelState.AddModelError(nameof(Reason), exception.Message);
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var fact = await db.StatisticFacts.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (fact is null || !ConcurrencyVersion.Expect(db.Entry(fact), Version))
        {
            return await RefuseStaleAsync(year, id, cancellationToken);
        }

        db.StatisticFacts.Remove(fact);
        try
        {
            db.HoldYear(reportingYear);
            await db.SaveAuditedAsync(StaffActor.From(User), reason, clock.GetUtcNow(), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RefuseStaleAsync(year, id, cancellationToken);
        }

        TempData["Message"] = $"Deleted {Fact.MetricName} ({Fact.Breakdown}), which was {Fact.ValueText}.";
        return Redirect($"/staff/years/{year}/statistics");
    }

    /// <summary>The figure changed (or went) since the editor read it: show what it is now, so they decide again.</summary>
    private async Task<IActionResult> RefuseStaleAsync(int year, long id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (await FactSummary.FindAsync(db, year, id, cancellationToken) is not { } current)
        {
            TempData["Message"] = "Someone else deleted this figure already.";
            return Redirect($"/staff/years/{year}/statistics");
        }

        Fact = current;
        Version = current.Version;
        ModelState.Remove(nameof(Version));
        ModelState.AddModelError(string.Empty, $"Someone else changed this figure: it is now {current.ValueText}, source {current.Source}. Nothing was deleted; delete again if it should still go.");
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int year, long id, CancellationToken cancellationToken)
    {
        var role = User.RoleOf()!.Value;
        if (!role.CanEnterData())
        {
            return Forbid();
        }

        var reportingYear = await db.ReportingYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        var fact = reportingYear is null ? null : await FactSummary.FindAsync(db, year, id, cancellationToken);
        if (fact is null)
        {
            return NotFound();
        }

        Year = year;
        Rule = reportingYear!.EditRuleFor(role);
        Fact = fact;
        return null;
    }
}
