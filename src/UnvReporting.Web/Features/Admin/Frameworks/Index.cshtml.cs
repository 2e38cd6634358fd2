namespace UnvReporting.Web.Features.Admin.Frameworks;

/// <summary>The strategic frameworks with their rating bands, and a new framework period.</summary>
public sealed class IndexModel(UnvDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<FrameworkLine> Frameworks { get; private set; } = [];

    [BindProperty]
    public FrameworkInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var framework = new StrategicFramework(
                    Input.StartYear!.Value, Input.EndYear!.Value, Input.DocumentSymbol, new RatingBands(Input.GreenFrom!.Value, Input.YellowFrom!.Value));
                if (await db.Frameworks.AnyAsync(f => f.Code == framework.Code, cancellationToken))
                {
                    throw new DomainException($"Framework {framework.Code} exists already.");
                }

                db.Frameworks.Add(framework);
                await db.SaveAuditedAsync(StaffActor.From(User), null, clock.GetUtcNow(), cancellationToken);
                Message = text["Framework {0} created. Add its result areas and indicators.", framework.Code];
                return RedirectToPage("/Admin/Frameworks/Edit", new { code = framework.Code });
            }
            catch (DomainException exception)
            {
                ModelState.AddModelError("Input", text.Say(exception));
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Frameworks = await db.Frameworks.AsNoTracking()
            .OrderBy(f => f.StartYear)
            .Select(f => new FrameworkLine(
                f.Code,
                f.DocumentSymbol,
                f.Bands.GreenFrom,
                f.Bands.YellowFrom,
                db.ResultAreas.Count(a => a.FrameworkId == f.Id),
                db.Indicators.Count(i => i.FrameworkId == f.Id)))
            .ToListAsync(cancellationToken);

    public sealed record FrameworkLine(string Code, string DocumentSymbol, int GreenFrom, int YellowFrom, int Areas, int Indicators);

    public sealed class FrameworkInput
    {
        [Required(ErrorMessage = "Enter the first year.")]
        [Display(Name = "First year")]
        public int? StartYear { get; set; }

        [Required(ErrorMessage = "Enter the last year.")]
        [Display(Name = "Last year")]
        public int? EndYear { get; set; }

        [Required(ErrorMessage = "Enter the Executive Board document symbol, such as DP/2022/3.")]
        [StringLength(40, ErrorMessage = "A document symbol is at most 40 characters.")]
        [Display(Name = "Framework document")]
        public string DocumentSymbol { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter where green starts, in whole percent of the milestone.")]
        [Display(Name = "Green from (%)")]
        public int? GreenFrom { get; set; } = RatingBands.Default.GreenFrom;

        [Required(ErrorMessage = "Enter where yellow starts, in whole percent of the milestone.")]
        [Display(Name = "Yellow from (%)")]
        public int? YellowFrom { get; set; } = RatingBands.Default.YellowFrom;
    }
}
