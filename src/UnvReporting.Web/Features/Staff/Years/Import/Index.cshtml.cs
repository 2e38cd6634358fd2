using System.Security.Claims;

namespace UnvReporting.Web.Features.Staff.Years.Import;

/// <summary>
/// The import page: templates to download and the upload form. A file refused whole, or one with
/// errors in its rows, is shown here and not kept; a clean file is kept as a pending import and
/// previewed before anything is written.
/// </summary>
[Authorize(Policy = StaffPolicies.EnterData)]
[UploadLimits]
public sealed class IndexModel(UnvDbContext db, SpreadsheetImport import, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public int Year { get; private set; }

    public ReportingStatus Status { get; private set; }

    public EditRule Rule { get; private set; } = EditRule.Open;

    public ImportLimits Limits => import.Limits;

    /// <summary>Why the upload was refused as a whole.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The rows of an upload that cannot be imported as it is, or that changes nothing.</summary>
    public ImportPlan? Plan { get; private set; }

    public string? FileName { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, cancellationToken))
        {
            return NotFound();
        }

        Refusal = TempData[UploadLimitsAttribute.RefusalKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(int year, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, cancellationToken))
        {
            return NotFound();
        }

        if (!Rule.Allowed)
        {
            Refusal = text.Say(Rule.Refusal);
            return Page();
        }

        if (file is null || file.Length == 0)
        {
            Refusal = text["Choose a filled template (.xlsx or .csv) to upload."];
            return Page();
        }

        FileName = Path.GetFileName(file.FileName);
        try
        {
            var content = await import.ReadUploadAsync(file, cancellationToken);
            var format = SpreadsheetReader.Sniff(content, text);
            Plan = await import.PreviewAsync(year, content, format, cancellationToken);
            if (!Plan.CanConfirm)
            {
                return Page();
            }

            var pending = new PendingImport
            {
                Year = year,
                UserId = User.FindFirstValue(ClaimTypes.NameIdentifier)!,
                FileName = FileName,
                Format = format,
                Content = content,
                UploadedAt = clock.GetUtcNow(),
            };
            await import.KeepAsync(pending, cancellationToken);
            return RedirectToPage("Preview", new { year, id = pending.Id });
        }
        catch (SpreadsheetRefusedException refused)
        {
            Plan = null;
            Refusal = refused.Message;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(int year, CancellationToken cancellationToken)
    {
        var reportingYear = await db.ReportingYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (reportingYear is null)
        {
            return false;
        }

        Year = year;
        Status = reportingYear.Status;
        Rule = reportingYear.EditRuleFor(User.CurrentRole());
        return true;
    }
}
