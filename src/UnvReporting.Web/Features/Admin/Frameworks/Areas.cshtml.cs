namespace UnvReporting.Web.Features.Admin.Frameworks;

/// <summary>A framework's outcomes, outputs and institutional effectiveness: add one, or correct the titles of one.</summary>
public sealed class AreasModel(UnvDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text) : FrameworkPartsModel(db, clock)
{
    protected override IStringLocalizer<SharedResource> Text => text;

    public IReadOnlyList<AreaLine> Areas { get; private set; } = [];

    /// <summary>A refused rename, shown in the row it was made in.</summary>
    public (int AreaId, string Message)? RenameError { get; private set; }

    [BindProperty]
    public AreaInput Input { get; set; } = new();

    public Task<IActionResult> OnPostAddAsync(string code, CancellationToken cancellationToken) =>
        AddAsync(code, async id =>
        {
            var parent = string.IsNullOrWhiteSpace(Input.ParentCode) ? null
                : await Db.ResultAreas.SingleOrDefaultAsync(a => a.FrameworkId == id && a.Code == Input.ParentCode, cancellationToken)
                  ?? throw new DomainException($"There is no result area {Input.ParentCode} in {code}.");
            var area = new ResultArea(id, Input.Code, Input.Kind!.Value, parent, Input.TitleEn, Input.TitleZh, Input.SortOrder!.Value);
            if (await Db.ResultAreas.AnyAsync(a => a.FrameworkId == id && a.Code == area.Code, cancellationToken))
            {
                throw new DomainException($"Result area {area.Code} exists already in {code}.");
            }

            Db.ResultAreas.Add(area);
            return text["Result area {0} added.", area.Code];
        }, cancellationToken);

    public async Task<IActionResult> OnPostRenameAsync(string code, int areaId, string? titleEn, string? titleZh, string? version, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var area = await Db.ResultAreas.SingleOrDefaultAsync(a => a.Id == areaId && Db.Frameworks.Any(f => f.Id == a.FrameworkId && f.Code == code), cancellationToken);
        if (area is null)
        {
            return NotFound();
        }

        var outcome = await Db.SaveAsync(area, version, () =>
        {
            area.Rename(titleEn ?? string.Empty, titleZh ?? string.Empty);
            return Task.CompletedTask;
        }, User, null, Clock.GetUtcNow(), cancellationToken);
        if (outcome.Saved)
        {
            Message = text["Result area {0} renamed.", area.Code];
            return RedirectToPage("/Admin/Frameworks/Areas", new { code });
        }

        RenameError = (areaId, (outcome.Refusal is { } refusal ? Text.Say(refusal) : null)
            ?? text["Someone else changed this result area since you opened the page; nothing was saved. Its titles as they are now are shown."]);
        await LoadAsync(code, cancellationToken);
        return Page();
    }

    protected override async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        Code = code;
        Areas = await Db.ResultAreas.AsNoTracking()
            .Where(a => Db.Frameworks.Any(f => f.Id == a.FrameworkId && f.Code == code))
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
            .Select(a => new AreaLine(a.Id, a.Code, a.Kind, a.Parent == null ? null : a.Parent.Code, a.TitleEn, a.TitleZh, a.SortOrder,
                ConcurrencyVersion.Format(EF.Property<uint>(a, ConcurrencyVersion.PropertyName))))
            .ToListAsync(cancellationToken);
        return Areas.Count > 0 || await Db.Frameworks.AnyAsync(f => f.Code == code, cancellationToken);
    }

    public sealed record AreaLine(int Id, string Code, ResultAreaKind Kind, string? ParentCode, string TitleEn, string TitleZh, int SortOrder, string Version);

    public sealed class AreaInput
    {
        [Required(ErrorMessage = "Enter the code, such as 1, 1.1 or IE.")]
        [StringLength(10, ErrorMessage = "A code is at most 10 characters.")]
        [Display(Name = "Code")]
        public string Code { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose outcome, output or institutional effectiveness.")]
        [Display(Name = "Kind")]
        public ResultAreaKind? Kind { get; set; }

        [Display(Name = "Under outcome (outputs only)")]
        public string? ParentCode { get; set; }

        [Required(ErrorMessage = "Enter the English title.")]
        [Display(Name = "English title")]
        public string TitleEn { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter the Chinese title as published.")]
        [Display(Name = "Chinese title")]
        public string TitleZh { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter a sort order (a whole number; lower comes first).")]
        [Display(Name = "Sort order")]
        public int? SortOrder { get; set; }
    }
}
