namespace UnvReporting.Web.Features.Staff.Years.Statistics;

/// <summary>
/// Shows the figure that would be deleted, then deletes it on a post that states the version the
/// editor saw (and, for a published year, why). The audit entry keeps the deleted values.
/// </summary>
[Authorize(Policy = StaffPolicies.EnterData)]
public sealed class DeleteModel(UnvDbContext db, YearChanges changes, IStringLocalizer<SharedResource> text) : FactPageModel(db)
{
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

        var outcome = await changes.SaveAsync(year, User.CurrentRole(), StaffActor.From(User), Reason, async (change, ct) =>
        {
            if (!ModelState.IsValid)
            {
                change.Refuse();
                return;
            }

            var fact = await Db.StatisticFacts.SingleOrDefaultAsync(f => f.Id == id, ct);
            if (fact is null)
            {
                change.Stale(id);
            }
            else if (change.Expect(fact, Version))
            {
                Db.StatisticFacts.Remove(fact);
            }
        }, cancellationToken);
        switch (outcome)
        {
            case YearOutcome.Saved:
                Message = text["Deleted {0} ({1}), which was {2}.", Fact.MetricName, Fact.BreakdownIn(text), Fact.ValueIn(text)];
                return RedirectToPage("Index", new { year });
            case YearOutcome.Conflict:
                return await RefuseStaleAsync(year, id, cancellationToken);
            default:
                return this.Refused(outcome, field => field == ReportingYear.ReasonField ? nameof(Reason) : string.Empty);
        }
    }

    /// <summary>The figure changed (or went) since the editor read it: show what it is now, so they decide again.</summary>
    private async Task<IActionResult> RefuseStaleAsync(int year, long id, CancellationToken cancellationToken)
    {
        if (await FactSummary.FindAsync(Db, year, id, cancellationToken) is not { } current)
        {
            Message = text["Someone else deleted this figure already."];
            return RedirectToPage("Index", new { year });
        }

        Fact = current;
        Version = current.Version;
        ModelState.Remove(nameof(Version));
        ModelState.AddModelError(string.Empty, text["Someone else changed this figure: it is now {0}, source {1}. Nothing was deleted; delete again if it should still go.", current.ValueIn(text), SourceText.Plain(current.Source, text)]);
        return Page();
    }
}
