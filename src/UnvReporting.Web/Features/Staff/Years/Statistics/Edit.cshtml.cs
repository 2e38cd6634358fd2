namespace UnvReporting.Web.Features.Staff.Years.Statistics;

/// <summary>
/// Corrects a statistic's figure, qualifier, source and note. The form carries the version the
/// editor read; a save on an older version is refused with what the figure is now, so one editor
/// never silently overwrites another.
/// </summary>
[Authorize(Policy = StaffPolicies.EnterData)]
public sealed class EditModel(UnvDbContext db, YearChanges changes, IStringLocalizer<SharedResource> text) : FactPageModel(db)
{
    [BindProperty]
    public EditFactInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int year, long id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Input = new EditFactInput
        {
            Value = StatisticText.Number(Fact.Value),
            Qualifier = Fact.Qualifier,
            Source = Fact.Source,
            Note = Fact.Note,
            Version = Fact.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, long id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var read = Input.Read(Fact.Unit, ModelState, text);
        decimal saved = 0;
        var outcome = await changes.SaveAsync(year, User.CurrentRole(), StaffActor.From(User), Input.Reason, async (change, ct) =>
        {
            if (!ModelState.IsValid || read is not { } figure)
            {
                change.Refuse();
                return;
            }

            var fact = await Db.StatisticFacts.SingleOrDefaultAsync(f => f.Id == id, ct);
            if (fact is null)
            {
                change.Stale(id);
                return;
            }

            if (change.Expect(fact, Input.Version))
            {
                var metric = await Db.Metrics.SingleAsync(m => m.Key == fact.MetricKey, ct);
                fact.Correct(metric, figure.Value, Input.Qualifier, figure.Source, Input.Note);
                saved = fact.Value;
            }
        }, cancellationToken);
        switch (outcome)
        {
            case YearOutcome.Saved:
                Message = text["Saved {0} ({1}): {2}.", Fact.MetricName, Fact.BreakdownIn(text), StatisticText.Value(saved, Fact.Unit, text)];
                return RedirectToPage("Index", new { year });
            case YearOutcome.Conflict:
                return await RefuseStaleAsync(year, id, cancellationToken);
            default:
                return this.Refused(outcome, FigureInput.InputOf);
        }
    }

    /// <summary>
    /// Someone saved (or deleted) the figure after this editor opened it. Their typed values stay in
    /// the form; the version moves to the current one, so saving again is a deliberate overwrite.
    /// </summary>
    private async Task<IActionResult> RefuseStaleAsync(int year, long id, CancellationToken cancellationToken)
    {
        if (await FactSummary.FindAsync(Db, year, id, cancellationToken) is not { } current)
        {
            ModelState.AddModelError(string.Empty, text["Someone else deleted this figure while you were editing it; nothing was saved."]);
            return Page();
        }

        Fact = current;
        Input.Version = current.Version;
        ModelState.AddModelError(string.Empty, text[
            "Someone else changed this figure: it is now {0} ({1}, source {2}). Nothing was saved. Your values are kept below: save again to replace it, or cancel.",
            current.ValueIn(text), Words.QualifierName(current.Qualifier, text), SourceText.Plain(current.Source, text)]);
        return Page();
    }

    public sealed class EditFactInput : FigureInput
    {
        public string? Version { get; set; }
    }
}
