namespace UnvReporting.Web.Features.Admin.Frameworks;

/// <summary>
/// "Start from framework X": the continuing indicators of an earlier framework, chosen one by one
/// and each given its key in the new framework, are copied with their definition (the earlier
/// framework's plan, else their latest year's) and their result areas by code, creating the areas
/// the new framework lacks. No figure is copied: baselines, milestones and targets belong to the
/// framework that set them. All chosen indicators are added together, or none is.
/// </summary>
[Authorize(Policy = StaffPolicies.Administer)]
public sealed class StartModel(UnvDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public string Code { get; private set; } = string.Empty;

    public IReadOnlyList<string> Sources { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty]
    public List<Pick> Picks { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Picks = From is null ? [] : await SourceLinesAsync(From, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        var target = await db.Frameworks.SingleAsync(f => f.Code == code, cancellationToken);
        var source = From is null ? null : await db.Frameworks.AsNoTracking().SingleOrDefaultAsync(f => f.Code == From && f.Code != code, cancellationToken);
        if (source is null)
        {
            ModelState.AddModelError(nameof(From), text["Choose the earlier framework to start from."]);
            return Page();
        }

        var chosen = Picks.Select((pick, index) => (Pick: pick, Index: index)).Where(p => p.Pick.Continue).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError(nameof(Picks), text["Tick the indicators that continue into this framework."]);
            return Page();
        }

        var earlier = await db.Indicators.AsNoTracking().Include(i => i.Area).Where(i => i.FrameworkId == source.Id).ToDictionaryAsync(i => i.Key, cancellationToken);
        var earlierAreas = await db.ResultAreas.AsNoTracking().Include(a => a.Parent).Where(a => a.FrameworkId == source.Id).ToDictionaryAsync(a => a.Code, cancellationToken);
        var latest = (await db.IndicatorYears.AsNoTracking().Where(iy => iy.Indicator.FrameworkId == source.Id)
            .Select(iy => new { iy.IndicatorId, iy.Year, iy.Definition }).ToListAsync(cancellationToken))
            .GroupBy(iy => iy.IndicatorId).ToDictionary(g => g.Key, g => g.MaxBy(iy => iy.Year)!.Definition);
        var areas = await db.ResultAreas.Where(a => a.FrameworkId == target.Id).ToDictionaryAsync(a => a.Code, cancellationToken);
        var keys = (await db.Indicators.Where(i => i.FrameworkId == target.Id).Select(i => i.Key).ToListAsync(cancellationToken)).ToHashSet();

        ResultArea Area(string areaCode)
        {
            if (areas.TryGetValue(areaCode, out var area))
            {
                return area;
            }

            var model = earlierAreas.GetValueOrDefault(areaCode)
                ?? throw new DomainException($"Result area {areaCode} is in neither framework.");
            var created = new ResultArea(target.Id, model.Code, model.Kind, model.Parent is null ? null : Area(model.Parent.Code), model.TitleEn, model.TitleZh, model.SortOrder);
            db.ResultAreas.Add(created);
            return areas[created.Code] = created;
        }

        foreach (var (pick, index) in chosen)
        {
            var field = $"{nameof(Picks)}[{index}].{nameof(Pick.NewKey)}";
            try
            {
                var from = earlier.GetValueOrDefault(pick.SourceKey ?? string.Empty)
                    ?? throw new DomainException($"Indicator {pick.SourceKey} is not part of {source.Code}.");
                var key = IndicatorKey.Normalize(string.IsNullOrWhiteSpace(pick.NewKey) ? from.Key : pick.NewKey);
                if (!keys.Add(key))
                {
                    throw new DomainException($"Indicator {key} is in {code} already (or chosen twice).");
                }

                var definition = from.Definition ?? latest.GetValueOrDefault(from.Id)
                    ?? throw new DomainException($"Indicator {from.Key} has no definition in {source.Code} to copy.");
                var indicator = new Indicator(target.Id, key, Area(string.IsNullOrWhiteSpace(pick.AreaCode) ? from.Area.Code : pick.AreaCode.Trim()), from.SortOrder);
                indicator.Plan(target, definition, null, null, null, from.DataSource);
                db.Indicators.Add(indicator);
            }
            catch (DomainException exception)
            {
                ModelState.AddModelError(field, text.Say(exception));
            }
        }

        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            return Page();
        }

        await db.SaveAuditedAsync(StaffActor.From(User), $"Started from framework {source.Code}", clock.GetUtcNow(), cancellationToken);
        TempData["Message"] = text[Plural.Of(chosen.Count, "{0} indicator of {1} continues in {2}, with its definition and result area; no figures were copied.", "{0} indicators of {1} continue in {2}, with their definitions and result areas; no figures were copied."), chosen.Count, source.Code, code].Value;
        return RedirectToPage("/Admin/Frameworks/Indicators", new { code });
    }

    private async Task<List<Pick>> SourceLinesAsync(string from, CancellationToken cancellationToken) =>
        await db.Indicators.AsNoTracking()
            .Where(i => db.Frameworks.Any(f => f.Id == i.FrameworkId && f.Code == from))
            .OrderBy(i => i.Area.SortOrder).ThenBy(i => i.SortOrder).ThenBy(i => i.Key)
            .Select(i => new Pick { SourceKey = i.Key, NewKey = i.Key, AreaCode = i.Area.Code })
            .ToListAsync(cancellationToken);

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var start = await db.Frameworks.AsNoTracking().Where(f => f.Code == code).Select(f => (int?)f.StartYear).SingleOrDefaultAsync(cancellationToken);
        if (start is null)
        {
            return false;
        }

        Code = code;
        Sources = await db.Frameworks.AsNoTracking().Where(f => f.StartYear < start).OrderBy(f => f.StartYear).Select(f => f.Code).ToListAsync(cancellationToken);
        return true;
    }

    public sealed class Pick
    {
        public string? SourceKey { get; set; }

        public bool Continue { get; set; }

        public string? NewKey { get; set; }

        public string? AreaCode { get; set; }
    }
}
