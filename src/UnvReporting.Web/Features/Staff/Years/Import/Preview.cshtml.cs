using System.Security.Claims;

namespace UnvReporting.Web.Features.Staff.Years.Import;

/// <summary>
/// The preview of a pending upload, and its confirmation. Confirming reads the stored file again
/// and judges it against the figures as they are then: nothing from the preview is trusted. All
/// rows and their audit entries are saved in one transaction, with the pending upload's removal.
/// </summary>
[Authorize(Policy = StaffPolicies.EnterData)]
public sealed class PreviewModel(UnvDbContext db, SpreadsheetImport import, YearChanges changes, SecurityEvents security, IStringLocalizer<SharedResource> text) : PageModel
{
    public int Year { get; private set; }

    public PendingImport Pending { get; private set; } = new();

    public EditRule Rule { get; private set; } = EditRule.Open;

    public ImportPlan? Plan { get; private set; }

    public string? Refusal { get; private set; }

    /// <summary>The published report that prints a figure this draft-year file changes, if any.</summary>
    public string? PrintedIn { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Message { get; set; }

    public Task<IActionResult> OnGetAsync(int year, Guid id, CancellationToken cancellationToken) =>
        ShowAsync(year, id, null, cancellationToken);

    public async Task<IActionResult> OnPostConfirmAsync(int year, Guid id, CancellationToken cancellationToken)
    {
        PendingImport? pending = null;
        ImportPlan? plan = null;
        var outcome = await changes.SaveAsync(year, User.CurrentRole(), StaffActor.From(User), Reason, async (change, ct) =>
        {
            pending = await FindPendingAsync(year, id, ct);
            if (pending is null)
            {
                change.Missing("This upload is not waiting.");
                return;
            }

            try
            {
                plan = await import.PlanAsync(year, pending.Content, pending.Format, ct);
            }
            catch (SpreadsheetRefusedException refused)
            {
                change.Refuse(string.Empty, refused.Message);
                return;
            }

            if (!plan.CanConfirm)
            {
                change.Refuse(string.Empty, text["Nothing was imported: the file no longer fits the figures as they are now (see below)."]);
                return;
            }

            db.PendingImports.Remove(pending);
            change.AuditReason = change.Reason is null ? $"Import from {pending.FileName}" : $"{change.Reason} (import from {pending.FileName})";
        }, cancellationToken);
        switch (outcome)
        {
            case YearOutcome.Saved:
                security.Imported(User.Identity!.Name!, year, pending!.FileName, plan!.RowsChanged);
                Message = Imported(pending.FileName, plan, text);
                return RedirectToPage("Index", new { year });
            case YearOutcome.NotFound:
                return NotFound();
            case YearOutcome.Forbidden { YearMoved: true }:
                return await ShowAsync(year, id, text["Year {0} changed at the same moment (it was submitted, published or returned, or another save of it finished first). Nothing was saved; open the year again.", year], cancellationToken);
            case YearOutcome.Forbidden forbidden:
                return await ShowAsync(year, id, forbidden.Message, cancellationToken);
            case YearOutcome.Invalid invalid:
                return await ShowAsync(year, id, string.Join(" ", invalid.Errors.Select(e => e.Message)), cancellationToken);
            default:
                if (await FindPendingAsync(year, id, cancellationToken) is null)
                {
                    Message = text["This upload is no longer waiting: it was confirmed or discarded already."];
                    return RedirectToPage("Index", new { year });
                }

                return await ShowAsync(year, id, text["Someone changed these figures while you were looking at the preview; nothing was imported. Here is the file against the figures as they are now."], cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostDiscardAsync(int year, Guid id, CancellationToken cancellationToken)
    {
        await db.PendingImports.Where(p => p.Id == id && p.Year == year && p.UserId == CurrentUserId).ExecuteDeleteAsync(cancellationToken);
        Message = text["The upload was discarded; nothing was imported."];
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
        Rule = reportingYear.EditRuleFor(User.CurrentRole());
        try
        {
            Plan = await import.PreviewAsync(year, pending.Content, pending.Format, cancellationToken);
            if (!Rule.NeedsReason && Plan.PrintedIn is { } printedIn)
            {
                Rule = reportingYear.EditRuleFor(User.CurrentRole(), printedIn);
                PrintedIn = printedIn;
            }
        }
        catch (SpreadsheetRefusedException refused)
        {
            refusal = refused.Message;
        }

        Refusal = refusal ?? (Rule.Allowed ? null : text.Say(Rule.Refusal));
        return Page();
    }

    /// <summary>"Imported file.xlsx: 3 rows changed, 5 values in all.", for this page and the framework import's.</summary>
    public static string Imported(string fileName, ImportPlan plan, IStringLocalizer<SharedResource> text) =>
        text["Imported {0}: {1} changed, {2} in all.", fileName, text[Plural.Of(plan.RowsChanged, "{0} row", "{0} rows"), plan.RowsChanged], text[Plural.Of(plan.Changes.Count, "{0} value", "{0} values"), plan.Changes.Count]];

    /// <summary>An upload is only ever seen by the person who made it.</summary>
    private Task<PendingImport?> FindPendingAsync(int year, Guid id, CancellationToken cancellationToken) =>
        db.PendingImports.SingleOrDefaultAsync(p => p.Id == id && p.Year == year && p.UserId == CurrentUserId, cancellationToken);

    private string CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
