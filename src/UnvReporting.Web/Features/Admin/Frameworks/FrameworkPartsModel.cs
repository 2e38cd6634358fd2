namespace UnvReporting.Web.Features.Admin.Frameworks;

/// <summary>
/// What the pages listing a framework's parts (result areas, indicators) share: the framework's
/// code, the message of the last change, and the add form's protocol, so a refused addition is
/// answered the same way on both.
/// </summary>
public abstract class FrameworkPartsModel(UnvDbContext db, TimeProvider clock) : PageModel
{
    public string Code { get; protected set; } = string.Empty;

    [TempData]
    public string? Message { get; set; }

    protected UnvDbContext Db => db;

    protected TimeProvider Clock => clock;

    /// <summary>The page's own localizer, which writes its messages too (so it stays the page's parameter).</summary>
    protected abstract IStringLocalizer<SharedResource> Text { get; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : NotFound();

    /// <summary>Reads the page's rows; false when the framework does not exist.</summary>
    protected abstract Task<bool> LoadAsync(string code, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a part to the framework: <paramref name="add"/> gets the framework's id, adds the
    /// entity and returns the message; the save is audited. A domain refusal is shown on the form.
    /// </summary>
    protected async Task<IActionResult> AddAsync(string code, Func<int, Task<string>> add, CancellationToken cancellationToken)
    {
        var frameworkId = await db.Frameworks.Where(f => f.Code == code).Select(f => (int?)f.Id).SingleOrDefaultAsync(cancellationToken);
        if (frameworkId is not { } id)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            try
            {
                var message = await add(id);
                await db.SaveAuditedAsync(StaffActor.From(User), null, clock.GetUtcNow(), cancellationToken);
                Message = message;
                return RedirectToPage(new { code });
            }
            catch (DomainException exception)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError("Input", Text.Say(exception));
            }
        }

        await LoadAsync(code, cancellationToken);
        return Page();
    }
}
