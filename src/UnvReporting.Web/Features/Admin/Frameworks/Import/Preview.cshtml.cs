using System.Security.Claims;
using UnvReporting.Web.Features.Staff.Years.Import;

namespace UnvReporting.Web.Features.Admin.Frameworks.Import;

/// <summary>
/// The preview of a pending framework upload, and its confirmation. Confirming reads the stored
/// file again and judges it against the framework as it is then; the rows, their audit entries
/// and the pending upload's removal are saved in one transaction, or nothing is.
/// </summary>
[Authorize(Policy = StaffPolicies.Administer)]
public sealed class PreviewModel(UnvDbContext db, FrameworkImport import, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public string Code { get; private set; } = string.Empty;

    public PendingImport Pending { get; private set; } = new();

    public ImportPlan? Plan { get; private set; }

    public string? Refusal { get; private set; }

    public Task<IActionResult> OnGetAsync(string code, Guid id, CancellationToken cancellationToken) =>
        ShowAsync(code, id, null, cancellationToken);

    public async Task<IActionResult> OnPostConfirmAsync(string code, Guid id, CancellationToken cancellationToken)
    {
        var pending = await FindPendingAsync(code, id, cancellationToken);
        if (pending is null)
        {
            TempData["Message"] = text["This upload is no longer waiting: it was confirmed or discarded already."].Value;
            return RedirectToPage("Index", new { code });
        }

        ImportPlan plan;
        try
        {
            plan = await import.PlanAsync(code, pending.Content, pending.Format, cancellationToken);
        }
        catch (SpreadsheetRefusedException refused)
        {
            db.ChangeTracker.Clear();
            return await ShowAsync(code, id, refused.Message, cancellationToken);
        }

        if (!plan.CanConfirm)
        {
            db.ChangeTracker.Clear();
            return await ShowAsync(code, id, text["Nothing was imported: the file no longer fits the framework as it is now (see below)."], cancellationToken);
        }

        db.PendingImports.Remove(pending);
        try
        {
            await db.SaveAuditedAsync(StaffActor.From(User), $"Framework import from {pending.FileName}", clock.GetUtcNow(), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else changed the framework (or confirmed this upload) between the read and the save.
            db.ChangeTracker.Clear();
            return await FindPendingAsync(code, id, cancellationToken) is null
                ? RedirectToPage("Index", new { code })
                : await ShowAsync(code, id, text["The framework changed while the file was being imported; nothing was imported. Here is the file against the framework as it is now."], cancellationToken);
        }

        TempData["Message"] = Staff.Years.Import.PreviewModel.Imported(pending.FileName, plan, text);
        return RedirectToPage("Index", new { code });
    }

    public async Task<IActionResult> OnPostDiscardAsync(string code, Guid id, CancellationToken cancellationToken)
    {
        await db.PendingImports.Where(p => p.Id == id && p.Kind == PendingImport.Framework && p.FrameworkCode == code && p.UserId == CurrentUserId)
            .ExecuteDeleteAsync(cancellationToken);
        TempData["Message"] = text["The upload was discarded; nothing was imported."].Value;
        return RedirectToPage("Index", new { code });
    }

    private async Task<IActionResult> ShowAsync(string code, Guid id, string? refusal, CancellationToken cancellationToken)
    {
        var pending = await FindPendingAsync(code, id, cancellationToken);
        if (pending is null)
        {
            return NotFound();
        }

        Code = code;
        Pending = pending;
        Refusal = refusal;
        try
        {
            Plan = await import.PreviewAsync(code, pending.Content, pending.Format, cancellationToken);
        }
        catch (SpreadsheetRefusedException refused)
        {
            Refusal = refused.Message;
        }

        return Page();
    }

    /// <summary>An upload is only ever seen by the person who made it.</summary>
    private Task<PendingImport?> FindPendingAsync(string code, Guid id, CancellationToken cancellationToken) =>
        db.PendingImports.SingleOrDefaultAsync(
            p => p.Id == id && p.Kind == PendingImport.Framework && p.FrameworkCode == code && p.UserId == CurrentUserId, cancellationToken);

    private string CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
