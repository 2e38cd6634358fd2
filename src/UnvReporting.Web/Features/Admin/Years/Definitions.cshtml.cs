using UnvReporting.Domain.Sources;

namespace UnvReporting.Web.Features.Admin.Years;

/// <summary>
/// What each indicator measures in one year: the code as the year's report prints it, the
/// titles, the unit, whether it is cumulative and which way is better. One row is redefined at a
/// time, with the version the Admin saw; an indicator of the framework the year lacks is added
/// with empty figures. The year's edit rule applies: a submitted year is frozen, a published one
/// is corrected with a reason that the public indicator page shows.
/// </summary>
public sealed class DefinitionsModel(UnvDbContext db, YearChanges changes, IStringLocalizer<SharedResource> text) : PageModel
{
    public int Year { get; private set; }

    public ReportingStatus Status { get; private set; }

    public IReadOnlyList<DefinitionLine> Rows { get; private set; } = [];

    public IReadOnlyList<string> MissingKeys { get; private set; } = [];

    /// <summary>A refused change, shown next to its form: the row's id, or 0 for the add form.</summary>
    public (int RowId, string Message)? Error { get; private set; }

    public DefinitionInput AddInput { get; private set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken) =>
        await LoadAsync(year, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostRedefineAsync(int year, int id, DefinitionInput row, string? version, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(year, id, reason, cancellationToken, async (change, ct) =>
        {
            var indicatorYear = await db.IndicatorYears.Include(y => y.Indicator).SingleOrDefaultAsync(y => y.Id == id && y.Year == year, ct);
            if (indicatorYear is null)
            {
                change.Refuse(string.Empty, text["Year {0} has no such indicator row; it may have been removed.", year]);
            }
            else if (change.Expect(indicatorYear, version) && ToDefinition(row, change) is { } definition)
            {
                indicatorYear.Redefine(definition, row.CodeAsPublished ?? string.Empty);
                return indicatorYear.Indicator.Key;
            }

            return null;
        });

    public Task<IActionResult> OnPostAddAsync(int year, string? key, DefinitionInput input, string? reason, CancellationToken cancellationToken)
    {
        AddInput = input;
        return ChangeAsync(year, 0, reason, cancellationToken, async (change, ct) =>
        {
            var indicator = await db.Indicators
                .SingleOrDefaultAsync(i => i.Key == key && db.ReportingYears.Any(y => y.Year == year && y.FrameworkId == i.FrameworkId), ct);
            if (indicator is null)
            {
                change.Refuse("Key", text["Choose an indicator of the year's framework (got '{0}').", key ?? string.Empty]);
            }
            else if (await db.IndicatorYears.AnyAsync(y => y.IndicatorId == indicator.Id && y.Year == year, ct))
            {
                change.Refuse("Key", text["Year {0} has indicator {1} already.", year, indicator.Key]);
            }
            else if (ToDefinition(input, change) is { } definition)
            {
                db.IndicatorYears.Add(new IndicatorYear(indicator, year, input.CodeAsPublished ?? indicator.Key, definition, null, null, SourceReference.EnteredHere));
                return indicator.Key;
            }

            return null;
        });
    }

    /// <summary>Changes one row through the year's unit of work; a refusal is shown next to the row's form.</summary>
    private async Task<IActionResult> ChangeAsync(
        int year, int rowId, string? reason, CancellationToken cancellationToken, Func<YearChange, CancellationToken, Task<string?>> change)
    {
        string? key = null;
        var outcome = await changes.SaveAsync(year, User.CurrentRole(), StaffActor.From(User), reason, async (attempt, ct) => key = await change(attempt, ct), cancellationToken);
        switch (outcome)
        {
            case YearOutcome.Saved:
                Message = text["Indicator {0} of {1} saved.", key ?? string.Empty, year];
                return RedirectToPage(new { year });
            case YearOutcome.NotFound:
                return NotFound();
            case YearOutcome.Forbidden forbidden:
                Error = (rowId, forbidden.Message);
                break;
            case YearOutcome.Invalid invalid:
                Error = (rowId, string.Join(" ", invalid.Errors.Select(e => e.Message)));
                break;
            case YearOutcome.Conflict:
                Error = (rowId, text["Someone else changed this definition since you opened the page; nothing was saved. The row now shows their version; enter your change again if it still applies."]);
                break;
        }

        await LoadAsync(year, cancellationToken);
        return Page();
    }

    /// <summary>The definition posted, or null when the unit or the direction is missing (refused by field).</summary>
    private IndicatorDefinition? ToDefinition(DefinitionInput input, YearChange change)
    {
        if (!ModelState.IsValid)
        {
            change.Refuse(string.Empty, text["Choose the unit and the direction from the lists."]);
            return null;
        }

        if (input.Unit is not { } unit)
        {
            change.Refuse(nameof(input.Unit), text["Choose a unit."]);
            return null;
        }

        if (input.Direction is not { } direction)
        {
            change.Refuse(nameof(input.Direction), text["Choose whether higher or lower is better."]);
            return null;
        }

        return new IndicatorDefinition(input.TitleEn ?? string.Empty, input.TitleZh ?? string.Empty, unit, input.IsCumulative, direction);
    }

    private async Task<bool> LoadAsync(int year, CancellationToken cancellationToken)
    {
        Year = year;
        var reportingYear = await db.ReportingYears.AsNoTracking().Where(y => y.Year == year)
            .Select(y => new { y.Status, y.FrameworkId }).SingleOrDefaultAsync(cancellationToken);
        if (reportingYear is null)
        {
            return false;
        }

        Status = reportingYear.Status;
        Rows = await db.IndicatorYears.AsNoTracking()
            .Where(y => y.Year == year)
            .OrderBy(y => y.Indicator.Area.SortOrder).ThenBy(y => y.Indicator.SortOrder).ThenBy(y => y.Indicator.Key)
            .Select(y => new DefinitionLine(
                y.Id, y.Indicator.Key, y.CodeAsPublished, y.Definition.TitleEn, y.Definition.TitleZh, y.Definition.Unit,
                y.Definition.IsCumulative, y.Definition.Direction, y.Milestone, y.Result,
                ConcurrencyVersion.Format(EF.Property<uint>(y, ConcurrencyVersion.PropertyName))))
            .ToListAsync(cancellationToken);
        MissingKeys = await db.Indicators.AsNoTracking()
            .Where(i => i.FrameworkId == reportingYear.FrameworkId && !db.IndicatorYears.Any(y => y.IndicatorId == i.Id && y.Year == year))
            .OrderBy(i => i.Area.SortOrder).ThenBy(i => i.SortOrder).ThenBy(i => i.Key)
            .Select(i => i.Key)
            .ToListAsync(cancellationToken);
        return true;
    }

    public sealed record DefinitionLine(
        int Id, string Key, string CodeAsPublished, string TitleEn, string TitleZh, Unit Unit, bool IsCumulative, Direction Direction,
        decimal? Milestone, decimal? Result, string Version);

    /// <summary>The fields of a definition as posted; the domain checks them and writes the messages.</summary>
    public sealed class DefinitionInput
    {
        public string? CodeAsPublished { get; set; }

        public string? TitleEn { get; set; }

        public string? TitleZh { get; set; }

        public Unit? Unit { get; set; }

        public bool IsCumulative { get; set; }

        public Direction? Direction { get; set; }
    }
}
