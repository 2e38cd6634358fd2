using System.Security.Claims;
using UnvReporting.Web.Features.Staff.Years.Import;

namespace UnvReporting.Web.Features.Admin.Frameworks.Import;

/// <summary>
/// The framework spreadsheet page: the template to download and the upload form. A file refused
/// whole, or with errors in its rows, is shown here and not kept; a clean file waits as a pending
/// import and is previewed before anything is written.
/// </summary>
[Authorize(Policy = StaffPolicies.Administer)]
[UploadLimits]
public sealed class IndexModel(UnvDbContext db, FrameworkImport import, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public string Code { get; private set; } = string.Empty;

    public IReadOnlyList<int> Years { get; private set; } = [];

    public ImportLimits Limits => import.Uploads.Limits;

    public string? Refusal { get; private set; }

    public ImportPlan? Plan { get; private set; }

    public string? FileName { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Refusal = TempData[UploadLimitsAttribute.RefusalKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(string code, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        if (file is null || file.Length == 0)
        {
            Refusal = text["Choose a filled framework template (.xlsx or .csv) to upload."];
            return Page();
        }

        FileName = Path.GetFileName(file.FileName);
        try
        {
            var content = await import.Uploads.ReadUploadAsync(file, cancellationToken);
            var format = SpreadsheetReader.Sniff(content, text);
            Plan = await import.PreviewAsync(code, content, format, cancellationToken);
            if (!Plan.CanConfirm)
            {
                return Page();
            }

            var pending = new PendingImport
            {
                Kind = PendingImport.Framework,
                FrameworkCode = code,
                UserId = User.FindFirstValue(ClaimTypes.NameIdentifier)!,
                FileName = FileName,
                Format = format,
                Content = content,
                UploadedAt = clock.GetUtcNow(),
            };
            await import.Uploads.KeepAsync(pending, cancellationToken);
            return RedirectToPage("Preview", new { code, id = pending.Id });
        }
        catch (SpreadsheetRefusedException refused)
        {
            Plan = null;
            Refusal = refused.Message;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var framework = await db.Frameworks.AsNoTracking().Where(f => f.Code == code)
            .Select(f => new { f.StartYear, f.EndYear }).SingleOrDefaultAsync(cancellationToken);
        if (framework is null)
        {
            return false;
        }

        Code = code;
        Years = Enumerable.Range(framework.StartYear, framework.EndYear - framework.StartYear + 1).ToList();
        return true;
    }
}
