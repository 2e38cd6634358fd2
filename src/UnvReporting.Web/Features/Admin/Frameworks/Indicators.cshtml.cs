namespace UnvReporting.Web.Features.Admin.Frameworks;

/// <summary>
/// A framework's indicators: add one under a result area, or move one to another area or place.
/// What an indicator measures is defined per year (/admin/years/{year}/definitions).
/// </summary>
public sealed class IndicatorsModel(UnvDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text) : FrameworkPartsModel(db, clock)
{
    protected override IStringLocalizer<SharedResource> Text => text;

    public IReadOnlyList<IndicatorLine> Indicators { get; private set; } = [];

    public IReadOnlyList<string> AreaCodes { get; private set; } = [];

    /// <summary>A refused move, shown in the row it was made in.</summary>
    public (int IndicatorId, string Message)? MoveError { get; private set; }

    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    public Task<IActionResult> OnPostAddAsync(string code, CancellationToken cancellationToken) =>
        AddAsync(code, async id =>
        {
            var key = IndicatorKey.Normalize(Input.Key);
            var area = await AreaAsync(id, Input.AreaCode, cancellationToken);
            if (await Db.Indicators.AnyAsync(i => i.FrameworkId == id && i.Key == key, cancellationToken))
            {
                throw new DomainException($"Indicator {key} exists already in {code}.");
            }

            Db.Indicators.Add(new Indicator(id, key, area, Input.SortOrder!.Value));
            return text["Indicator {0} added under {1}. Define it for each year at the year's definitions page.", key, area.Code];
        }, cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(string code, int indicatorId, string? areaCode, int? sortOrder, string? version, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var indicator = await Db.Indicators.SingleOrDefaultAsync(i => i.Id == indicatorId && Db.Frameworks.Any(f => f.Id == i.FrameworkId && f.Code == code), cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }

        var outcome = await Db.SaveAsync(indicator, version, async () =>
        {
            var area = await AreaAsync(indicator.FrameworkId, areaCode, cancellationToken);
            indicator.Move(area, sortOrder ?? throw new DomainException($"Enter a sort order (a whole number; lower comes first)."));
        }, User, null, Clock.GetUtcNow(), cancellationToken);
        if (outcome.Saved)
        {
            Message = text["Indicator {0} is under {1} at place {2}.", indicator.Key, indicator.Area.Code, indicator.SortOrder];
            return RedirectToPage("/Admin/Frameworks/Indicators", new { code });
        }

        MoveError = (indicatorId, (outcome.Refusal is { } refusal ? Text.Say(refusal) : null)
            ?? text["Someone else changed this indicator since you opened the page; nothing was saved. Its area and place as they are now are shown."]);
        await LoadAsync(code, cancellationToken);
        return Page();
    }

    private async Task<ResultArea> AreaAsync(int frameworkId, string? areaCode, CancellationToken cancellationToken) =>
        await Db.ResultAreas.SingleOrDefaultAsync(a => a.FrameworkId == frameworkId && a.Code == areaCode, cancellationToken)
        ?? throw new DomainException($"Choose a result area of the framework (got '{areaCode}').");

    protected override async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        Code = code;
        var framework = Db.Frameworks.Where(f => f.Code == code).Select(f => f.Id);
        AreaCodes = await Db.ResultAreas.AsNoTracking().Where(a => framework.Contains(a.FrameworkId))
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Code).Select(a => a.Code).ToListAsync(cancellationToken);
        Indicators = await Db.Indicators.AsNoTracking()
            .Where(i => framework.Contains(i.FrameworkId))
            .OrderBy(i => i.Area.SortOrder).ThenBy(i => i.SortOrder).ThenBy(i => i.Key)
            .Select(i => new IndicatorLine(i.Id, i.Key, i.Area.Code, i.SortOrder, Db.IndicatorYears.Count(y => y.IndicatorId == i.Id),
                ConcurrencyVersion.Format(EF.Property<uint>(i, ConcurrencyVersion.PropertyName))))
            .ToListAsync(cancellationToken);
        return AreaCodes.Count > 0 || await framework.AnyAsync(cancellationToken);
    }

    public sealed record IndicatorLine(int Id, string Key, string AreaCode, int SortOrder, int Years, string Version);

    public sealed class IndicatorInput
    {
        [Required(ErrorMessage = "Enter the indicator's code, such as 2.1.1a.")]
        [StringLength(IndicatorKey.MaxLength, ErrorMessage = "An indicator code is at most 20 characters.")]
        [Display(Name = "Key")]
        public string Key { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose the result area the indicator reports on.")]
        [Display(Name = "Result area")]
        public string? AreaCode { get; set; }

        [Required(ErrorMessage = "Enter a sort order (a whole number; lower comes first).")]
        [Display(Name = "Sort order")]
        public int? SortOrder { get; set; }
    }
}
