namespace UnvReporting.Web.Features.Staff.Years.Statistics;

/// <summary>Adds one statistic to a year: a metric, an optional breakdown, the figure and its source.</summary>
[Authorize(Policy = StaffPolicies.EnterData)]
public sealed class NewModel(UnvDbContext db, YearChanges changes, IStringLocalizer<SharedResource> text) : PageModel
{
    public int Year { get; private set; }

    public EditRule Rule { get; private set; } = EditRule.Open;

    public IReadOnlyList<MetricChoice> Metrics { get; private set; } = [];

    public IReadOnlyList<DimensionChoice> Dimensions { get; private set; } = [];

    [BindProperty]
    public NewFactInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public MetricChoice? ChosenMetric => Metrics.FirstOrDefault(m => m.Key == Input.MetricKey);

    public async Task<IActionResult> OnGetAsync(int year, string? metric, CancellationToken cancellationToken)
    {
        Input.MetricKey = metric;
        return await LoadAsync(year, cancellationToken) is { } refusal ? refusal : Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var metric = Input.MetricKey is null ? null : await db.Metrics.AsNoTracking().SingleOrDefaultAsync(m => m.Key == Input.MetricKey, cancellationToken);
        if (Input.MetricKey is not null && metric is null)
        {
            ModelState.AddModelError("Input.MetricKey", text["Choose a metric from the list."]);
        }

        var breakdown = await ReadBreakdownAsync(cancellationToken);
        var figure = metric is null ? null : Input.Read(metric.Unit, ModelState, text);
        var outcome = await changes.SaveAsync(year, User.CurrentRole(), StaffActor.From(User), Input.Reason, async (change, ct) =>
        {
            if (!ModelState.IsValid || metric is null || figure is not { } read)
            {
                change.Refuse();
                return;
            }

            // Checked again on every try: a figure someone added meanwhile is refused here, by field.
            if (await ExistsAsync(metric.Key, breakdown, ct))
            {
                change.Refuse(breakdown is null ? nameof(NewFactInput.MetricKey) : nameof(NewFactInput.Member), text["{0} already has {1} for {2}: edit that figure instead.", Year, Localization.Pick(metric.NameEn, metric.NameZh), BreakdownName(breakdown)]);
                return;
            }

            db.StatisticFacts.Add(new StatisticFact(year, metric, breakdown, read.Value, Input.Qualifier, read.Source, Input.Note));
        }, cancellationToken);
        if (outcome is not YearOutcome.Saved)
        {
            return this.Refused(outcome, field =>
                field is nameof(NewFactInput.MetricKey) or nameof(NewFactInput.Member) ? $"{FigureInput.Prefix}.{field}" : FigureInput.InputOf(field));
        }

        Message = text["Added {0} ({1}) for {2}.", Localization.Pick(metric!.NameEn, metric.NameZh), BreakdownName(breakdown), year];
        return RedirectToPage("Index", new { year });
    }

    /// <summary>Loads the year and the choices; a 404 or a 403 when the page cannot be used at all.</summary>
    private async Task<IActionResult?> LoadAsync(int year, CancellationToken cancellationToken)
    {
        var role = User.CurrentRole();
        var reportingYear = await db.ReportingYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (reportingYear is null)
        {
            return NotFound();
        }

        Year = year;
        Rule = reportingYear.EditRuleFor(role);
        Metrics = await db.Metrics.AsNoTracking().OrderBy(m => m.NameEn)
            .Select(m => new MetricChoice(m.Key, m.NameEn, m.NameZh, m.Unit)).ToListAsync(cancellationToken);
        Dimensions = await db.Dimensions.AsNoTracking().OrderBy(d => d.NameEn)
            .Select(d => new DimensionChoice(d.Key, d.NameEn, d.NameZh, d.Members.OrderBy(m => m.NameEn).Select(m => new MemberChoice(m.Key, m.NameEn, m.NameZh)).ToList()))
            .ToListAsync(cancellationToken);
        return null;
    }

    /// <summary>A breakdown is a dimension and one of its own members, or neither.</summary>
    private async Task<DimensionMember?> ReadBreakdownAsync(CancellationToken cancellationToken)
    {
        switch (Input.Dimension, Input.Member)
        {
            case (null, null):
                return null;
            case (null, _):
                ModelState.AddModelError("Input.Dimension", text["Choose the dimension of the member, or no breakdown."]);
                return null;
            case (_, null):
                ModelState.AddModelError("Input.Member", text["Choose a member of {0}, or no breakdown.", Input.Dimension]);
                return null;
        }

        var member = await db.DimensionMembers.FindAsync([Input.Dimension, Input.Member], cancellationToken);
        if (member is null)
        {
            ModelState.AddModelError("Input.Member", text["'{0}' is not a member of {1}.", Input.Member, Input.Dimension]);
        }

        return member;
    }

    private Task<bool> ExistsAsync(string metricKey, DimensionMember? breakdown, CancellationToken cancellationToken)
    {
        var dimension = breakdown?.DimensionKey;
        var member = breakdown?.Key;
        return db.StatisticFacts.AnyAsync(f => f.Year == Year && f.MetricKey == metricKey && f.Dimension == dimension && f.Member == member, cancellationToken);
    }

    private string BreakdownName(DimensionMember? breakdown) =>
        StatisticText.Breakdown(
            Dimensions.FirstOrDefault(d => d.Key == breakdown?.DimensionKey)?.Name ?? breakdown?.DimensionKey,
            breakdown is null ? null : Localization.Pick(breakdown.NameEn, breakdown.NameZh),
            text);

    public sealed class NewFactInput : FigureInput
    {
        [Required(ErrorMessage = "Choose a metric.")]
        public string? MetricKey { get; set; }

        public string? Dimension { get; set; }

        public string? Member { get; set; }
    }

    public sealed record MetricChoice(string Key, string NameEn, string NameZh, Unit Unit)
    {
        public string Name => Localization.Pick(NameEn, NameZh);
    }

    public sealed record MemberChoice(string Key, string NameEn, string NameZh)
    {
        public string Name => Localization.Pick(NameEn, NameZh);
    }

    public sealed record DimensionChoice(string Key, string NameEn, string NameZh, IReadOnlyList<MemberChoice> Members)
    {
        public string Name => Localization.Pick(NameEn, NameZh);
    }
}
