using UnvReporting.Web.Features.Staff.Years.Import;

namespace UnvReporting.Web.Features.Admin.Frameworks.Import;

/// <summary>The framework template, filled with the framework's result areas and indicator plan, headers in the reader's language.</summary>
/// <remarks>It may hold a plan not yet public: no browser or proxy may keep a copy (no-store).</remarks>
[Authorize(Policy = StaffPolicies.Administer)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class TemplateModel(UnvDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code, string format, CancellationToken cancellationToken)
    {
        var framework = await db.Frameworks.AsNoTracking().Where(f => f.Code == code)
            .Select(f => new { f.Id, f.StartYear, f.EndYear }).SingleOrDefaultAsync(cancellationToken);
        if (framework is null || format is not (SpreadsheetReader.Xlsx or SpreadsheetReader.Csv))
        {
            return NotFound();
        }

        var years = Enumerable.Range(framework.StartYear, framework.EndYear - framework.StartYear + 1).ToList();
        var template = await FrameworkTemplate.LoadAsync(db, framework.Id, years, cancellationToken);
        return format == SpreadsheetReader.Csv
            ? File(template.Csv(text), "text/csv; charset=utf-8", $"unv-framework-{code}.csv")
            : File(await template.XlsxAsync(text, cancellationToken), XlsxExport.ContentType, $"unv-framework-{code}.xlsx");
    }
}
