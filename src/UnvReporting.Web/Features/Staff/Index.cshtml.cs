using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Staff;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Platform.Security;
using UnvReporting.Web.Platform.Text;

namespace UnvReporting.Web.Features.Staff;

/// <summary>
/// The staff home: every reporting year with its status, and the workflow moves the signed-in
/// role may make (submit; return with a comment; publish). Each move states the version of the
/// year it was made on, so two reviewers cannot both act on the same state.
/// </summary>
public sealed class IndexModel(UnvDbContext db, TimeProvider clock, SecurityEvents security, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<YearLine> Years { get; private set; } = [];

    public StaffRole Role { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Role = User.CurrentRole();
        Years = await db.ReportingYears.AsNoTracking()
            .OrderByDescending(y => y.Year)
            .Select(y => new YearLine(
                y.Year,
                y.Framework.Code,
                y.Status,
                y.ReturnComment,
                db.IndicatorYears.Count(iy => iy.Year == y.Year),
                db.StatisticFacts.Count(f => f.Year == y.Year),
                ConcurrencyVersion.Format(EF.Property<uint>(y, ConcurrencyVersion.PropertyName))))
            .ToListAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostSubmitAsync(int year, string? version, CancellationToken cancellationToken) =>
        MoveAsync(year, version, null, StaffPolicies.EnterData, (y, role) => y.Submit(role), cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int year, string? version, CancellationToken cancellationToken) =>
        MoveAsync(year, version, null, StaffPolicies.Review, (y, role) => y.Publish(role), cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int year, string? version, string? comment, CancellationToken cancellationToken) =>
        MoveAsync(year, version, comment, StaffPolicies.Review, (y, role) => y.ReturnToDraft(role, comment ?? string.Empty), cancellationToken);

    /// <summary>A handler cannot carry its own [Authorize] in Razor Pages, so each move asks for its policy here.</summary>
    private async Task<IActionResult> MoveAsync(int year, string? version, string? comment, string policy, Action<ReportingYear, StaffRole> move, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, policy)).Succeeded)
        {
            return Forbid();
        }

        var role = User.CurrentRole();
        var reportingYear = await db.ReportingYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (reportingYear is null)
        {
            return NotFound();
        }

        var from = reportingYear.Status;
        if (!ConcurrencyVersion.Expect(db.Entry(reportingYear), version))
        {
            Message = $"Year {year} changed since this page was opened; nothing was done. Here is its status now.";
            return RedirectToPage();
        }

        try
        {
            move(reportingYear, role);
        }
        catch (DomainException exception)
        {
            Message = exception.Message;
            return RedirectToPage();
        }

        try
        {
            await db.SaveAuditedAsync(StaffActor.From(User), comment, clock.GetUtcNow(), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Message = $"Someone else moved year {year} at the same moment; nothing was done. Here is its status now.";
            return RedirectToPage();
        }

        security.YearStatusChanged(User.Identity!.Name!, year, from.ToString(), reportingYear.Status.ToString());
        Message = $"Year {year} is now {Words.Status(reportingYear.Status)}.";
        return RedirectToPage();
    }

    public sealed record YearLine(int Year, string Framework, ReportingStatus Status, string? ReturnComment, int Indicators, int Statistics, string Version);
}
