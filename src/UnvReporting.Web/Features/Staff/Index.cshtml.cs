using UnvReporting.Domain.Staff;

namespace UnvReporting.Web.Features.Staff;

/// <summary>
/// The staff home: every reporting year with its status, and the workflow moves the signed-in
/// role may make (submit; return with a comment; publish; withdraw a publication; delete an
/// empty draft). Each move states the version of the year it was made on, so two reviewers
/// cannot both act on the same state.
/// </summary>
public sealed class IndexModel(UnvDbContext db, TimeProvider clock, SecurityEvents security, IAuthorizationService authorization, IOptions<WorkflowOptions> workflow, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>How many of the changes since the last publication the page lists under a submitted year.</summary>
    public const int ChangesShown = 20;

    public IReadOnlyList<YearLine> Years { get; private set; } = [];

    public StaffRole Role { get; private set; }

    public bool FourEyes => workflow.Value.FourEyes;

    /// <summary>For each draft or submitted year, what still keeps it from going forward.</summary>
    public IReadOnlyDictionary<int, PublicationCheck> Checks { get; private set; } = new Dictionary<int, PublicationCheck>();

    /// <summary>For each submitted year, what changed since it was last published, for the reviewer.</summary>
    public IReadOnlyDictionary<int, (IReadOnlyList<AuditEntry> Changes, int Count)> Changes { get; private set; } = new Dictionary<int, (IReadOnlyList<AuditEntry>, int)>();

    /// <summary>The submitted years the signed-in account may not publish under four eyes.</summary>
    public IReadOnlySet<int> OwnWork { get; private set; } = new HashSet<int>();

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

        var checks = new Dictionary<int, PublicationCheck>();
        var changes = new Dictionary<int, (IReadOnlyList<AuditEntry>, int)>();
        var ownWork = new HashSet<int>();
        var me = StaffActor.From(User).UserId;
        foreach (var year in Years.Where(y => !ReportingYear.IsPublic(y.Status)))
        {
            checks[year.Year] = await YearWorkflow.CheckAsync(db, year.Year, cancellationToken);
            if (year.Status == ReportingStatus.Submitted && Role.CanReview())
            {
                changes[year.Year] = await YearWorkflow.ChangesSincePublishedAsync(db, year.Year, ChangesShown, cancellationToken);
                if (me is not null && (await YearWorkflow.ContributorsAsync(db, year.Year, cancellationToken)).Contains(me))
                {
                    ownWork.Add(year.Year);
                }
            }
        }

        Checks = checks;
        Changes = changes;
        OwnWork = ownWork;
    }

    public Task<IActionResult> OnPostSubmitAsync(int year, string? version, CancellationToken cancellationToken) =>
        MoveAsync(year, version, StaffPolicies.EnterData, async (y, role) =>
        {
            y.Submit(role, await YearWorkflow.CheckAsync(db, y.Year, cancellationToken));
            return null;
        }, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int year, string? version, CancellationToken cancellationToken) =>
        MoveAsync(year, version, StaffPolicies.Review, async (y, role) =>
        {
            var check = await YearWorkflow.CheckAsync(db, y.Year, cancellationToken);
            var contributors = await YearWorkflow.ContributorsAsync(db, y.Year, cancellationToken);
            var ownWork = y.Publish(role, StaffActor.From(User).UserId ?? string.Empty, check, contributors, workflow.Value.FourEyes);
            return ownWork ? "Published by an account that submitted it or changed its figures (four eyes is off)." : null;
        }, cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int year, string? version, string? comment, CancellationToken cancellationToken) =>
        MoveAsync(year, version, StaffPolicies.Review, (y, role) =>
        {
            y.ReturnToDraft(role, comment ?? string.Empty);
            return Task.FromResult(comment);
        }, cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(int year, string? version, string? reason, CancellationToken cancellationToken) =>
        MoveAsync(year, version, StaffPolicies.Review, (y, role) => Task.FromResult<string?>(y.Withdraw(role, reason ?? string.Empty)), cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(int year, string? version, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, StaffPolicies.Administer)).Succeeded)
        {
            return Forbid();
        }

        var role = User.CurrentRole();
        var reportingYear = await db.ReportingYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (reportingYear is null)
        {
            return NotFound();
        }

        if (!ConcurrencyVersion.Expect(db.Entry(reportingYear), version))
        {
            Message = text["Year {0} changed since this page was opened; nothing was done. Here is its status now.", year];
            return RedirectToPage();
        }

        try
        {
            reportingYear.CheckDeletable(
                role,
                await db.IndicatorYears.CountAsync(iy => iy.Year == year, cancellationToken),
                await db.StatisticFacts.CountAsync(f => f.Year == year, cancellationToken));
        }
        catch (DomainException exception)
        {
            Message = text.Say(exception);
            return RedirectToPage();
        }

        db.PendingImports.RemoveRange(await db.PendingImports.Where(p => p.Year == year).ToListAsync(cancellationToken));
        db.ReportingYears.Remove(reportingYear);
        try
        {
            await db.SaveAuditedAsync(StaffActor.From(User), "Empty draft deleted.", clock.GetUtcNow(), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A figure entered into the year at the same moment (a foreign key now points at it),
            // or another move of the year: either way the year stays.
            Message = text["Year {0} changed at the same moment; nothing was deleted. Here is its status now.", year];
            return RedirectToPage();
        }

        security.YearStatusChanged(User.Identity!.Name!, year, nameof(ReportingStatus.Draft), "Deleted");
        Message = text["Year {0} was deleted.", year];
        return RedirectToPage();
    }

    /// <summary>
    /// Makes one workflow move: <paramref name="move"/> applies it through the domain and returns
    /// the reason the audit entry records, if any. A handler cannot carry its own [Authorize] in
    /// Razor Pages, so each move asks for its policy here.
    /// </summary>
    private async Task<IActionResult> MoveAsync(int year, string? version, string policy, Func<ReportingYear, StaffRole, Task<string?>> move, CancellationToken cancellationToken)
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
            Message = text["Year {0} changed since this page was opened; nothing was done. Here is its status now.", year];
            return RedirectToPage();
        }

        string? reason;
        try
        {
            reason = await move(reportingYear, role);
        }
        catch (DomainException exception)
        {
            Message = text.Say(exception);
            return RedirectToPage();
        }

        try
        {
            await db.SaveAuditedAsync(StaffActor.From(User), reason, clock.GetUtcNow(), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Message = text["Someone else moved year {0} at the same moment; nothing was done. Here is its status now.", year];
            return RedirectToPage();
        }

        security.YearStatusChanged(User.Identity!.Name!, year, from.ToString(), reportingYear.Status.ToString());
        Message = reportingYear.Status switch
        {
            ReportingStatus.Published => text["Year {0} is now published.", year],
            ReportingStatus.Submitted => text["Year {0} is now submitted.", year],
            _ => text["Year {0} is now a draft again.", year],
        };
        return RedirectToPage();
    }

    public sealed record YearLine(int Year, string Framework, ReportingStatus Status, string? ReturnComment, int Indicators, int Statistics, string Version);
}
