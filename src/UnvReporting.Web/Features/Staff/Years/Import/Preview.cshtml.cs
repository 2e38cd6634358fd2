using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain;
using UnvReporting.Domain.Reporting;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Platform.Security;

namespace UnvReporting.Web.Features.Staff.Years.Import;

/// <summary>
/// The preview of a pending upload, and its confirmation. Confirming reads the stored file again
/// and judges it against the figures as they are then: nothing from the preview is trusted. All
/// rows and their audit entries are saved in one transaction, with the pending upload's removal.
/// </summary>
[Authorize(Policy = StaffPolicies.EnterData)]
public sealed class PreviewModel(UnvDbContext db, SpreadsheetImport import, TimeProvider clock, SecurityEvents security) : PageModel
{
    public int Year { get; private set; }

    public PendingImport Pending { get; private set; } = new();

    public EditRule Rule { get; private set; } = EditRule.Open;

    public ImportPlan? Plan { get; private set; }

    public string? Refusal { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Task<IActionResult> OnGetAsync(int year, Guid id, CancellationToken cancellationToken) =>
        ShowAsync(year, id, null, cancellationToken);

    public async Task<IActionResult> OnPostConfirmAsync(int year, Guid id, CancellationToken cancellationToken)
    {
        var reportingYear = await db.ReportingYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        var pending = await FindPendingAsync(year, id, cancellationToken);
        if (reportingYear is null || pending is null)
        {
            return NotFound();
        }

        string? reason;
        try
        {
            reason = reportingYear.CheckEdit(User.RoleOf()!.Value, Reason);
        }
        catch (DomainException exception)
        {
            return await ShowAsync(year, id, exception.Message, cancellationToken);
        }

        ImportPlan plan;
        try
        {
            plan = await import.PlanAsync(year, pending.Content, pending.Format, cancellationToken);
        }
        catch (SpreadsheetRefusedException refused)
        {
            db.ChangeTracker.Clear();
            return await ShowAsync(year, id, refused.Message, cancellationToken);
        }

        if (!plan.CanConfirm)
        {
            db.ChangeTracker.Clear();
            return await ShowAsync(year, id, "Nothing was imported: the file no longer fits the figures as they are now (see below).", cancellationToken);
        }

        if (reportingYear.EditRuleFor(User.RoleOf()!.Value).NeedsReason)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            plan.ChangedIndicators.ForEach(row => row.MarkRevised(today, reason!));
        }

        db.PendingImports.Remove(pending);
        var auditReason = reason is null ? $"Import from {pending.FileName}" : $"{reason} (import from {pending.FileName})";
        try
        {
            db.HoldYear(reportingYear);
            await db.SaveAuditedAsync(StaffActor.From(User), auditReason, clock.GetUtcNow(), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (await FindPendingAsync(year, id, cancellationToken) is null)
            {
                TempData["Message"] = "This upload is no longer waiting: it was confirmed or discarded already.";
                return RedirectToPage("Index", new { year });
            }

            return await ShowAsync(year, id, "Someone changed these figures while you were looking at the preview; nothing was imported. Here is the file against the figures as they are now.", cancellationToken);
        }

        security.Imported(User.Identity!.Name!, year, pending.FileName, plan.RowsChanged);
        TempData["Message"] = $"Imported {pending.FileName}: {plan.RowsChanged} row(s) changed, {plan.Changes.Count} value(s) in all.";
        return RedirectToPage("Index", new { year });
    }

    public async Task<IActionResult> OnPostDiscardAsync(int year, Guid id, CancellationToken cancellationToken)
    {
        await db.PendingImports.Where(p => p.Id == id && p.Year == year && p.UserId == CurrentUserId).ExecuteDeleteAsync(cancellationToken);
        TempData["Message"] = "The upload was discarded; nothing was imported.";
        return RedirectToPage("Index", new { year });
    }

    private async Task<IActionResult> ShowAsync(int year, Guid id, string? refusal, CancellationToken cancellationToken)
    {
        var reportingYear = await db.ReportingYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        var pending = await FindPendingAsync(year, id, cancellationToken);
        if (reportingYear is null || pending is null)
        {
            return NotFound();
        }

        Year = year;
        Pending = pending;
        Rule = reportingYear.EditRuleFor(User.RoleOf()!.Value);
        Refusal = refusal ?? (Rule.Allowed ? null : Rule.Refusal);
        try
        {
            Plan = await import.PlanAsync(year, pending.Content, pending.Format, cancellationToken);
        }
        catch (SpreadsheetRefusedException refused)
        {
            Refusal = refused.Message;
        }
        finally
        {
            // A preview never writes: the applied rows are dropped.
            db.ChangeTracker.Clear();
        }

        return Page();
    }

    /// <summary>An upload is only ever seen by the person who made it.</summary>
    private Task<PendingImport?> FindPendingAsync(int year, Guid id, CancellationToken cancellationToken) =>
        db.PendingImports.SingleOrDefaultAsync(p => p.Id == id && p.Year == year && p.UserId == CurrentUserId, cancellationToken);

    private string CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
