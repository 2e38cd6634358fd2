using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Staff;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Platform.Security;
using UnvReporting.Web.Platform.Text;

namespace UnvReporting.Web.Features.Staff.Years.Statistics;

/// <summary>
/// Corrects a statistic's figure, qualifier, source and note. The form carries the version the
/// editor read; a save on an older version is refused with what the figure is now, so one editor
/// never silently overwrites another.
/// </summary>
public sealed class EditModel(UnvDbContext db, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }

    public EditRule Rule { get; private set; } = EditRule.Open;

    public FactSummary Fact { get; private set; } = null!;

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

        if (!Rule.Allowed)
        {
            return Forbid();
        }

        var reportingYear = await db.ReportingYears.SingleAsync(y => y.Year == year, cancellationToken);
        var reason = Input.CheckReason(reportingYear, User.RoleOf()!.Value, ModelState);
        var read = Input.Read(Fact.Unit, ModelState);
        if (!ModelState.IsValid || read is null)
        {
            return Page();
        }

        var fact = await db.StatisticFacts.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (fact is null || !ConcurrencyVersion.Expect(db.Entry(fact), Input.Version))
        {
            return await RefuseStaleAsync(year, id, cancellationToken);
        }

        var metric = await db.Metrics.SingleAsync(m => m.Key == fact.MetricKey, cancellationToken);
        try
        {
            fact.Correct(metric, read.Value.Value, Input.Qualifier, read.Value.Source, Input.Note);
            db.HoldYear(reportingYear);
            await db.SaveAuditedAsync(StaffActor.From(User), reason, clock.GetUtcNow(), cancellationToken);
        }
        catch (DomainException exception)
        {
            ModelState.AddModelError(string.Empty, exception.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RefuseStaleAsync(year, id, cancellationToken);
        }

        TempData["Message"] = $"Saved {Fact.MetricName} ({Fact.Breakdown}): {StatisticText.Value(fact.Value, Fact.Unit)}.";
        return Redirect($"/staff/years/{year}/statistics");
    }

    private async Task<IActionResult?> LoadAsync(int year, long id, CancellationToken cancellationToken)
    {
        var role = User.RoleOf()!.Value;
        if (!role.CanEnterData())
        {
            return Forbid();
        }

        var reportingYear = await db.ReportingYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        var fact = reportingYear is null ? null : await FactSummary.FindAsync(db, year, id, cancellationToken);
        if (fact is null)
        {
            return NotFound();
        }

        Year = year;
        Rule = reportingYear!.EditRuleFor(role);
        Fact = fact;
        return null;
    }

    /// <summary>
    /// Someone saved (or deleted) the figure after this editor opened it. Their typed values stay in
    /// the form; the version moves to the current one, so saving again is a deliberate overwrite.
    /// </summary>
    private async Task<IActionResult> RefuseStaleAsync(int year, long id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (await FactSummary.FindAsync(db, year, id, cancellationToken) is not { } current)
        {
            ModelState.AddModelError(string.Empty, "Someone else deleted this figure while you were editing it; nothing was saved.");
            return Page();
        }

        Fact = current;
        Input.Version = current.Version;
        ModelState.AddModelError(string.Empty,
            $"Someone else changed this figure: it is now {current.ValueText} ({Words.QualifierName(current.Qualifier, Words.English)}, source {current.Source}). " +
            "Nothing was saved. Your values are kept below: save again to replace it, or cancel.");
        return Page();
    }

    public sealed class EditFactInput : FigureInput
    {
        public string? Version { get; set; }
    }
}
