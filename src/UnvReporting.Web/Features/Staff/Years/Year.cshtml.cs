using UnvReporting.Web.Features.Indicators;

namespace UnvReporting.Web.Features.Staff.Years;

/// <summary>
/// A year's entry page: every indicator with milestone, result and narratives, the score and
/// colour as the editor types (asked of the server, which scores with the one scoring path), and
/// one save for all rows. Only rows the editor changed are sent, each with the version it was
/// read at, so a concurrent edit of another row never blocks the save and a concurrent edit of
/// the same row is refused with the other person's values.
/// </summary>
public sealed class YearModel(UnvDbContext db, IndicatorEntry entry, DisplayFormat format, IStringLocalizer<SharedResource> text) : PageModel
{
    public YearHeading Heading { get; private set; } = null!;

    public EditRule Rule { get; private set; } = EditRule.Closed($"");

    /// <summary>The rule of each row the year's rule does not cover: rows a published report prints (<see cref="ReportingYear.EditRuleFor(UnvReporting.Domain.Staff.StaffRole, string?)"/>).</summary>
    public Dictionary<string, EditRule> PrintedRules { get; } = [];

    /// <summary>The rule for one row: its printed-figure rule, or the year's.</summary>
    public EditRule RuleFor(string key) => PrintedRules.TryGetValue(key, out var rule) ? rule : Rule;

    /// <summary>True when saving may need a reason: a published year, or a row the public has read.</summary>
    public bool AsksReason => Rule.NeedsReason || PrintedRules.Values.Any(r => r.NeedsReason);

    public IReadOnlyList<ScoredIndicatorYear> Scored { get; private set; } = [];

    [BindProperty]
    public List<EntryRow> Rows { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>Rows another person saved first, with what they hold now.</summary>
    public Dictionary<string, CurrentValues> Conflicts { get; } = [];

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, cancellationToken))
        {
            return NotFound();
        }

        Rows = Scored.Select(s => EntryRow.From(s.Figures, format)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, cancellationToken))
        {
            return NotFound();
        }

        if (!Rule.Allowed)
        {
            return Forbid();
        }

        // The page always posts each of the year's indicators once; anything else was not made by it.
        var units = Scored.ToDictionary(s => s.Figures.Key, s => s.Figures.Unit);
        if (Rows.Any(r => r.Key is null || !units.ContainsKey(r.Key)) || Rows.DistinctBy(r => r.Key).Count() != Rows.Count)
        {
            return BadRequest();
        }

        var edits = new List<IndicatorEdit>();
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            var unit = units[row.Key];

            if (!RuleFor(row.Key).Allowed && row.ChangedFromOriginal())
            {
                ModelState.AddModelError($"{nameof(Rows)}[{i}].{nameof(EntryRow.Result)}", text.Say(RuleFor(row.Key).Refusal));
            }

            var milestone = Read(row.Milestone, unit, $"{nameof(Rows)}[{i}].{nameof(EntryRow.Milestone)}", $"Milestone");
            var result = Read(row.Result, unit, $"{nameof(Rows)}[{i}].{nameof(EntryRow.Result)}", $"Result");
            // Only the fields the editor changed are sent: a field they left alone keeps whatever
            // it holds in the database, even if someone else changed it meanwhile.
            if (row.ChangedFromOriginal() && ModelState.IsValid)
            {
                edits.Add(new IndicatorEdit(row.Key, row.Version,
                    Milestone: EntryRow.Same(row.Milestone, row.OriginalMilestone) ? null : new Set<decimal?>(milestone),
                    Result: EntryRow.Same(row.Result, row.OriginalResult) ? null : new Set<decimal?>(result),
                    NarrativeEn: EntryRow.Same(row.NarrativeEn, row.OriginalNarrativeEn) ? null : new Set<string?>(row.NarrativeEn),
                    NarrativeZh: EntryRow.Same(row.NarrativeZh, row.OriginalNarrativeZh) ? null : new Set<string?>(row.NarrativeZh),
                    MissingDataReason: EntryRow.Same(row.MissingDataReason, row.OriginalMissingDataReason) ? null : new Set<string?>(row.MissingDataReason)));
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (edits.Count == 0)
        {
            Message = text["Nothing was changed, so nothing was saved."];
            return RedirectToPage(new { year });
        }

        var outcome = await entry.SaveAsync(year, edits, User.CurrentRole(), StaffActor.From(User), Reason, cancellationToken);
        switch (outcome)
        {
            case YearOutcome.Saved:
                Message = text[Plural.Of(edits.Count, "Saved {0} indicator.", "Saved {0} indicators."), edits.Count];
                return RedirectToPage(new { year });
            case YearOutcome.Conflict conflict:
                foreach (var current in conflict.Rows.Cast<CurrentValues>())
                {
                    Conflicts[current.Key] = current;

                    // The editor's values stay in the form; the row now carries the other person's
                    // version, so saving again is a deliberate overwrite of what they can see.
                    var row = Rows.Single(r => r.Key == current.Key);
                    row.Version = current.Version;
                    row.OriginalMilestone = Text(current.Milestone);
                    row.OriginalResult = Text(current.Result);
                    row.OriginalNarrativeEn = current.NarrativeEn;
                    row.OriginalNarrativeZh = current.NarrativeZh;
                    row.OriginalMissingDataReason = current.MissingDataReason;
                }

                ModelState.AddModelError(string.Empty, text["Someone else saved some of these indicators after you opened the page. Nothing was saved. Their values are shown against each row; yours are still in the form. Save again to replace theirs."]);
                return Page();
            default:
                return this.Refused(outcome, FieldName);
        }
    }

    /// <summary>The live score while typing: parsed and scored on the server, never in the browser.</summary>
    public async Task<IActionResult> OnGetScoreAsync(int year, string key, string? milestone, string? result, CancellationToken cancellationToken)
    {
        var row = await db.IndicatorYears.AsNoTracking()
            .Where(iy => iy.Year == year && iy.Indicator.Key == key)
            .Select(iy => new { iy.Definition.Unit, iy.Definition.Direction, Bands = db.Frameworks.Where(f => f.Id == iy.Indicator.FrameworkId).Select(f => f.Bands).Single() })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return NotFound();
        }

        NumberInput.TryParse(milestone, row.Unit, CultureInfo.CurrentCulture, $"Milestone", out var m, out var milestoneError);
        NumberInput.TryParse(result, row.Unit, CultureInfo.CurrentCulture, $"Result", out var r, out var resultError);
        var score = ScoreCalculator.Calculate(milestoneError is null ? m : null, resultError is null ? r : null, row.Direction, row.Bands);
        return new JsonResult(new
        {
            score = format.Score(score),
            rating = Words.Rating(score.Rating),
            ratingText = format.Rating(score.Rating),
            icon = Words.RatingIcon(score.Rating),
            reason = score.NotRateable is { } why ? format.NotRateable(why) : null,
            milestoneError = milestoneError is null ? null : text.Say(milestoneError),
            resultError = resultError is null ? null : text.Say(resultError),
        });
    }

    public string? OtherValues(string key)
    {
        if (!Conflicts.TryGetValue(key, out var c))
        {
            return null;
        }

        var milestone = Text(c.Milestone) ?? text["(none)"];
        var result = Text(c.Result) ?? text["(none)"];
        var when = c.ChangedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return (c.ChangedBy, when) switch
        {
            ({ } by, { } at) => text["{0} saved this row at {1} UTC: milestone {2}, result {3}.", by, at, milestone, result],
            ({ } by, null) => text["{0} saved this row: milestone {1}, result {2}.", by, milestone, result],
            (null, { } at) => text["Someone saved this row at {0} UTC: milestone {1}, result {2}.", at, milestone, result],
            _ => text["Someone saved this row: milestone {0}, result {1}.", milestone, result],
        };
    }

    private decimal? Read(string? figure, Unit unit, string modelKey, FormattableString field)
    {
        if (NumberInput.TryParse(figure, unit, CultureInfo.CurrentCulture, field, out var value, out var error))
        {
            return value;
        }

        ModelState.AddModelError(modelKey, text.Say(error));
        return null;
    }

    /// <summary>The form field of a refusal: "Reason", or "KEY.Field" for a row's field.</summary>
    private string FieldName(string errorKey)
    {
        if (errorKey == ReportingYear.ReasonField)
        {
            return nameof(Reason);
        }

        var dot = errorKey.LastIndexOf('.');
        var index = Rows.FindIndex(r => r.Key == errorKey[..dot]);
        return index < 0 ? string.Empty : $"{nameof(Rows)}[{index}].{errorKey[(dot + 1)..]}";
    }

    private string? Text(decimal? value) => value is { } v ? format.Number(v) : null;

    private async Task<bool> LoadAsync(int year, CancellationToken cancellationToken)
    {
        var years = await db.VisibleYearsAsync(YearVisibility.Everything, cancellationToken);
        if (years.FirstOrDefault(y => y.Year == year) is not { } heading)
        {
            return false;
        }

        Heading = heading;
        var reportingYear = await db.ReportingYears.AsNoTracking().SingleAsync(y => y.Year == year, cancellationToken);
        var role = User.CurrentRole();
        Rule = reportingYear.EditRuleFor(role);
        Scored = (await db.LoadYearTableAsync(heading, cancellationToken, YearVisibility.Everything)).Indicators;
        var symbols = Scored.Select(s => s.Figures.SourceSymbol).Distinct().ToList();
        var printedIn = await db.PublishedReports().Where(r => symbols.Contains(r)).ToListAsync(cancellationToken);
        foreach (var row in Scored.Where(s => printedIn.Contains(s.Figures.SourceSymbol)))
        {
            PrintedRules[row.Figures.Key] = reportingYear.EditRuleFor(role, row.Figures.SourceSymbol);
        }

        return true;
    }
}

/// <summary>One indicator's inputs, with the values and version the editor started from.</summary>
public sealed class EntryRow
{
    public string Key { get; set; } = string.Empty;

    public string? Version { get; set; }

    public string? Milestone { get; set; }

    public string? Result { get; set; }

    public string? NarrativeEn { get; set; }

    public string? NarrativeZh { get; set; }

    /// <summary>"No data: ..." — why the year has no result; empty when there is none to state.</summary>
    public string? MissingDataReason { get; set; }

    public string? OriginalMilestone { get; set; }

    public string? OriginalResult { get; set; }

    public string? OriginalNarrativeEn { get; set; }

    public string? OriginalNarrativeZh { get; set; }

    public string? OriginalMissingDataReason { get; set; }

    public static EntryRow From(IndicatorYearRow figures, DisplayFormat format)
    {
        var milestone = figures.Milestone is { } m ? format.Number(m) : null;
        var result = figures.Result is { } r ? format.Number(r) : null;
        return new EntryRow
        {
            Key = figures.Key,
            Version = ConcurrencyVersion.Format(figures.Version),
            Milestone = milestone,
            Result = result,
            NarrativeEn = figures.NarrativeEn,
            NarrativeZh = figures.NarrativeZh,
            MissingDataReason = figures.MissingDataReason,
            OriginalMilestone = milestone,
            OriginalResult = result,
            OriginalNarrativeEn = figures.NarrativeEn,
            OriginalNarrativeZh = figures.NarrativeZh,
            OriginalMissingDataReason = figures.MissingDataReason,
        };
    }

    /// <summary>Text compared as typed (trimmed); "53" and "53.0" count as a change, which only costs an unneeded save.</summary>
    public bool ChangedFromOriginal() =>
        !Same(Milestone, OriginalMilestone) || !Same(Result, OriginalResult) ||
        !Same(NarrativeEn, OriginalNarrativeEn) || !Same(NarrativeZh, OriginalNarrativeZh) ||
        !Same(MissingDataReason, OriginalMissingDataReason);

    public static bool Same(string? a, string? b) =>
        string.Equals((a ?? string.Empty).Trim().ReplaceLineEndings("\n"), (b ?? string.Empty).Trim().ReplaceLineEndings("\n"), StringComparison.Ordinal);
}
