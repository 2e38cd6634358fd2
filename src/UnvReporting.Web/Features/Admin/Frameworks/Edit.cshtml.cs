namespace UnvReporting.Web.Features.Admin.Frameworks;

/// <summary>
/// One framework: its rating bands, edited with the version the Admin saw (two Admins cannot
/// silently overwrite each other's bands), and links to its result areas and indicators.
/// </summary>
public sealed class EditModel(UnvDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public FrameworkView? Framework { get; private set; }

    [BindProperty]
    public BandsInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Framework = await LoadAsync(code, cancellationToken);
        if (Framework is null)
        {
            return NotFound();
        }

        Input = new BandsInput { GreenFrom = Framework.GreenFrom, YellowFrom = Framework.YellowFrom, Version = Framework.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var framework = await db.Frameworks.SingleOrDefaultAsync(f => f.Code == code, cancellationToken);
        if (framework is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var reason = string.IsNullOrWhiteSpace(Input.Reason) ? null : Input.Reason.Trim();
            RatingBands? bands = null;
            var outcome = await db.SaveAsync(framework, Input.Version, async () =>
            {
                bands = new RatingBands(Input.GreenFrom!.Value, Input.YellowFrom!.Value);

                // New bands recolour every year of the framework, published ones included: the
                // Board has seen those colours, so the change must say why (the audit keeps it).
                if (reason is null && await db.ReportingYears.Where(Visibility.PublicYear).AnyAsync(y => y.FrameworkId == framework.Id, cancellationToken))
                {
                    throw new DomainException("Reason", $"{code} has published years whose colours these bands decide: say why they change.");
                }

                framework.ChangeBands(bands);
            }, User, reason, clock.GetUtcNow(), cancellationToken);

            if (outcome.Saved)
            {
                Message = text["The bands of {0} are now green from {1}% and yellow from {2}%.", code, bands!.GreenFrom, bands.YellowFrom];
                return RedirectToPage("/Admin/Frameworks/Edit", new { code });
            }

            if (outcome.Refusal is { } refusal)
            {
                ModelState.AddModelError(refusal.Field == "Reason" ? "Input.Reason" : "Input", text.Say(refusal));
            }
            else
            {
                var now = await LoadAsync(code, cancellationToken);
                ModelState.AddModelError("Input",
                    text["Someone else changed these bands since you opened the page; nothing was saved. They are now green from {0}% and yellow from {1}%. Enter your change again if it still applies.", now?.GreenFrom!, now?.YellowFrom!]);
                ModelState.Remove("Input.Version");
                Input.Version = now?.Version;
            }
        }

        Framework = await LoadAsync(code, cancellationToken);
        return Page();
    }

    private Task<FrameworkView?> LoadAsync(string code, CancellationToken cancellationToken) =>
        db.Frameworks.AsNoTracking()
            .Where(f => f.Code == code)
            .Select(f => new FrameworkView(
                f.Code,
                f.DocumentSymbol,
                f.Bands.GreenFrom,
                f.Bands.YellowFrom,
                ConcurrencyVersion.Format(EF.Property<uint>(f, ConcurrencyVersion.PropertyName)),
                db.ResultAreas.Count(a => a.FrameworkId == f.Id),
                db.Indicators.Count(i => i.FrameworkId == f.Id),
                db.ReportingYears.Where(y => y.FrameworkId == f.Id).OrderBy(y => y.Year).Select(y => y.Year).ToList()))
            .SingleOrDefaultAsync(cancellationToken);

    public sealed record FrameworkView(string Code, string DocumentSymbol, int GreenFrom, int YellowFrom, string Version, int Areas, int Indicators, List<int> Years);

    public sealed class BandsInput
    {
        [Required(ErrorMessage = "Enter where green starts, in whole percent of the milestone.")]
        [Display(Name = "Green from (%)")]
        public int? GreenFrom { get; set; }

        [Required(ErrorMessage = "Enter where yellow starts, in whole percent of the milestone.")]
        [Display(Name = "Yellow from (%)")]
        public int? YellowFrom { get; set; }

        public string? Version { get; set; }

        [StringLength(ReportingYear.MaxReasonLength)]
        [Display(Name = "Reason (required when the framework has published years)")]
        public string? Reason { get; set; }
    }
}
