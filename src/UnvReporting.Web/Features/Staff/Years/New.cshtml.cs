using UnvReporting.Domain.Sources;
using UnvReporting.Domain.Staff;

namespace UnvReporting.Web.Features.Staff.Years;

/// <summary>
/// Opens a new reporting year as a draft, empty or with the framework's indicators: an indicator
/// the framework plans (imported from the framework spreadsheet) starts with the plan's definition
/// and the milestone it plans for the year; any other starts as it was in the previous year of the
/// same framework, with its code and definition and nothing else, because milestones, results and
/// narratives belong to the year they were reported for.
/// </summary>
[Authorize(Policy = StaffPolicies.EnterData)]
public sealed class NewModel(UnvDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<FrameworkChoice> Frameworks { get; private set; } = [];

    [BindProperty]
    public NewYearInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadFrameworksAsync(cancellationToken);
        Input.FrameworkCode = Frameworks.LastOrDefault()?.Code;
        Input.StartFromPrevious = true;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadFrameworksAsync(cancellationToken);
        var framework = Input.FrameworkCode is null ? null : await db.Frameworks.SingleOrDefaultAsync(f => f.Code == Input.FrameworkCode, cancellationToken);
        if (Input.FrameworkCode is not null && framework is null)
        {
            ModelState.AddModelError("Input.FrameworkCode", text["Choose a framework from the list."]);
        }

        var symbol = ReadSymbol();
        if (!ModelState.IsValid || framework is null || Input.Year is not { } year)
        {
            return Page();
        }

        if (await db.ReportingYears.AnyAsync(y => y.Year == year, cancellationToken))
        {
            return YearExists(year);
        }

        ReportingYear reportingYear;
        try
        {
            reportingYear = new ReportingYear(framework, year, ReportingStatus.Draft, symbol, null);
        }
        catch (DomainException exception)
        {
            ModelState.AddModelError("Input.Year", text["{0} It runs from {1} to {2}.", text.Say(exception), framework.StartYear, framework.EndYear]);
            return Page();
        }

        db.ReportingYears.Add(reportingYear);
        var (planned, copied) = Input.StartFromPrevious ? await StartIndicatorsAsync(framework.Id, year, cancellationToken) : (0, 0);
        try
        {
            await db.SaveAuditedAsync(StaffActor.From(User), null, clock.GetUtcNow(), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another editor opened the same year between the check and the save.
            db.ChangeTracker.Clear();
            if (await db.ReportingYears.AnyAsync(y => y.Year == year, cancellationToken))
            {
                return YearExists(year);
            }

            throw;
        }

        var total = planned + copied;
        Message = planned > 0 && copied > 0
            ? text[Plural.Of(total, "Year {0} is open as a draft with the {1} indicator of the {2} framework: {3} with the framework's definition and planned milestone, {4} as in {5}; results and narratives are empty.", "Year {0} is open as a draft with the {1} indicators of the {2} framework: {3} with the framework's definition and planned milestone, {4} as in {5}; results and narratives are empty."), year, total, framework.Code, planned, copied, year - 1]
            : planned > 0
            ? text[Plural.Of(total, "Year {0} is open as a draft with the {1} indicator of the {2} framework: {3} with the framework's definition and planned milestone; results and narratives are empty.", "Year {0} is open as a draft with the {1} indicators of the {2} framework: {3} with the framework's definition and planned milestone; results and narratives are empty."), year, total, framework.Code, planned]
            : copied > 0
            ? text[Plural.Of(copied, "Year {0} is open as a draft with the {1} indicator of {2}, its code and definition; milestones, results and narratives are empty.", "Year {0} is open as a draft with the {1} indicators of {2}, their codes and definitions; milestones, results and narratives are empty."), year, copied, year - 1]
            : Input.StartFromPrevious
            ? text["Year {0} is open as a draft with no indicators: the {1} framework has no year {2} with indicators to start from. An Admin adds indicators under /admin/years/{0}/definitions.", year, framework.Code, year - 1]
            : text["Year {0} is open as a draft with no indicators. An Admin adds indicators under /admin/years/{0}/definitions.", year];
        return RedirectToPage("/Staff/Index");
    }

    /// <summary>
    /// Adds an indicator-year for each planned indicator of the framework (its plan's definition and
    /// milestone) and copies year-1's other indicator-years of the same framework without figures;
    /// how many of each.
    /// </summary>
    private async Task<(int Planned, int Copied)> StartIndicatorsAsync(int frameworkId, int year, CancellationToken cancellationToken)
    {
        // Tracked on purpose: the new rows refer to the same Indicator rows, which must stay unchanged.
        var plans = (await db.Indicators.Include(i => i.Milestones)
            .Where(i => i.FrameworkId == frameworkId)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Key)
            .ToListAsync(cancellationToken))
            .Where(i => i.Definition is not null)
            .ToList();
        foreach (var indicator in plans)
        {
            var definition = indicator.Definition!;
            db.IndicatorYears.Add(new IndicatorYear(
                indicator,
                year,
                indicator.Key,
                new IndicatorDefinition(definition.TitleEn, definition.TitleZh, definition.Unit, definition.IsCumulative, definition.Direction),
                milestone: indicator.PlannedMilestone(year),
                result: null,
                SourceReference.EnteredHere));
        }

        var plannedIds = plans.Select(i => i.Id).ToList();
        var previous = await db.IndicatorYears.Include(iy => iy.Indicator)
            .Where(iy => iy.Year == year - 1 && db.ReportingYears.Any(y => y.Year == year - 1 && y.FrameworkId == frameworkId))
            .Where(iy => !plannedIds.Contains(iy.IndicatorId))
            .OrderBy(iy => iy.Id)
            .ToListAsync(cancellationToken);
        foreach (var row in previous)
        {
            var definition = row.Definition;
            db.IndicatorYears.Add(new IndicatorYear(
                row.Indicator,
                year,
                row.CodeAsPublished,
                new IndicatorDefinition(definition.TitleEn, definition.TitleZh, definition.Unit, definition.IsCumulative, definition.Direction),
                milestone: null,
                result: null,
                SourceReference.EnteredHere));
        }

        return (plans.Count, previous.Count);
    }

    private string? ReadSymbol()
    {
        try
        {
            return Input.ReportSymbol is null ? null : SourceReference.CheckSymbol(Input.ReportSymbol);
        }
        catch (DomainException exception)
        {
            ModelState.AddModelError("Input.ReportSymbol", text.Say(exception));
            return null;
        }
    }

    private PageResult YearExists(int year)
    {
        ModelState.AddModelError("Input.Year", text["Year {0} already exists; it is on the staff home page.", year]);
        return Page();
    }

    private async Task LoadFrameworksAsync(CancellationToken cancellationToken) =>
        Frameworks = await db.Frameworks.AsNoTracking().OrderBy(f => f.StartYear)
            .Select(f => new FrameworkChoice(f.Code, f.StartYear, f.EndYear)).ToListAsync(cancellationToken);

    public sealed class NewYearInput
    {
        [Required(ErrorMessage = "Choose a framework.")]
        public string? FrameworkCode { get; set; }

        [Required(ErrorMessage = "Enter the year, such as 2022.")]
        [Range(StatisticFact.MinYear, StatisticFact.MaxYear, ErrorMessage = "Enter a year such as 2022.")]
        public int? Year { get; set; }

        [StringLength(SourceReference.MaxSymbolLength, ErrorMessage = "The report symbol can be at most 40 characters.")]
        public string? ReportSymbol { get; set; }

        /// <summary>Offered ticked on the form; false when the box is not sent, as browsers do for an unticked box.</summary>
        public bool StartFromPrevious { get; set; }
    }

    public sealed record FrameworkChoice(string Code, int StartYear, int EndYear);
}
