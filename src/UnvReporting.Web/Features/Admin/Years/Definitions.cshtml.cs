using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Sources;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Platform.Security;

namespace UnvReporting.Web.Features.Admin.Years;

/// <summary>
/// What each indicator measures in one year: the code as the year's report prints it, the
/// titles, the unit, whether it is cumulative and which way is better. One row is redefined at a
/// time, with the version the Admin saw; an indicator of the framework the year lacks is added
/// with empty figures. The year's edit rule applies: a submitted year is frozen, a published one
/// is corrected with a reason that the public indicator page shows.
/// </summary>
public sealed class DefinitionsModel(UnvDbContext db, TimeProvider clock) : PageModel
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
        ChangeAsync(year, id, reason, cancellationToken, async definition =>
        {
            var indicatorYear = await db.IndicatorYears.Include(y => y.Indicator).SingleOrDefaultAsync(y => y.Id == id && y.Year == year, cancellationToken)
                ?? throw new DomainException($"Year {year} has no such indicator row; it may have been removed.");
            if (!ConcurrencyVersion.Expect(db.Entry(indicatorYear), version))
            {
                throw new DbUpdateConcurrencyException();
            }

            indicatorYear.Redefine(definition(row), row.CodeAsPublished ?? string.Empty);
            return indicatorYear;
        });

    public Task<IActionResult> OnPostAddAsync(int year, string? key, DefinitionInput input, string? reason, CancellationToken cancellationToken)
    {
        AddInput = input;
        return ChangeAsync(year, 0, reason, cancellationToken, async definition =>
        {
            var indicator = await db.Indicators
                .SingleOrDefaultAsync(i => i.Key == key && db.ReportingYears.Any(y => y.Year == year && y.FrameworkId == i.FrameworkId), cancellationToken)
                ?? throw new DomainException($"Choose an indicator of the year's framework (got '{key}').");
            if (await db.IndicatorYears.AnyAsync(y => y.IndicatorId == indicator.Id && y.Year == year, cancellationToken))
            {
                throw new DomainException($"Year {year} has indicator {indicator.Key} already.");
            }

            var added = new IndicatorYear(indicator, year, input.CodeAsPublished ?? indicator.Key, definition(input), null, null, SourceReference.EnteredHere);
            db.IndicatorYears.Add(added);
            return added;
        });
    }

    /// <summary>Checks the year's edit rule, applies the change, marks a published year revised, and saves with the audit trail.</summary>
    private async Task<IActionResult> ChangeAsync(
        int year, int rowId, string? reason, CancellationToken cancellationToken, Func<Func<DefinitionInput, IndicatorDefinition>, Task<IndicatorYear>> change)
    {
        var reportingYear = await db.ReportingYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (reportingYear is null)
        {
            return NotFound();
        }

        try
        {
            var checkedReason = reportingYear.CheckEdit(User.RoleOf()!.Value, reason);
            var changed = await change(ToDefinition);
            if (checkedReason is not null)
            {
                changed.MarkRevised(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), checkedReason);
            }

            db.HoldYear(reportingYear);
            await db.SaveAuditedAsync(StaffActor.From(User), checkedReason, clock.GetUtcNow(), cancellationToken);
            Message = $"Indicator {changed.Indicator.Key} of {year} saved.";
            return Redirect($"/admin/years/{year}/definitions");
        }
        catch (DomainException exception)
        {
            Error = (rowId, exception.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = (rowId, "Someone else changed this definition since you opened the page; nothing was saved. The row now shows their version; enter your change again if it still applies.");
        }

        db.ChangeTracker.Clear();
        await LoadAsync(year, cancellationToken);
        return Page();
    }

    private IndicatorDefinition ToDefinition(DefinitionInput input)
    {
        if (!ModelState.IsValid)
        {
            throw new DomainException("Choose the unit and the direction from the lists.");
        }

        return new IndicatorDefinition(
            input.TitleEn ?? string.Empty,
            input.TitleZh ?? string.Empty,
            input.Unit ?? throw new DomainException("Choose a unit."),
            input.IsCumulative,
            input.Direction ?? throw new DomainException("Choose whether higher or lower is better."));
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
