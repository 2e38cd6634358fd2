using Microsoft.AspNetCore.Http.Extensions;

namespace UnvReporting.Web.Features.Admin.Audit;

/// <summary>
/// The whole audit log, newest first, 50 entries a page, filtered by the query string. One
/// query per page: it asks for one entry more than a page holds to know whether there is a next
/// page, instead of counting the whole log.
/// </summary>
public sealed class IndexModel(UnvDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The subjects the product writes (AuditTrail, AccountAudit), for the filter's list.</summary>
    public static readonly IReadOnlyList<string> Subjects =
        ["indicator-year", "statistic", "reporting-year", "framework", "result-area", "indicator", AccountAudit.Subject];

    [BindProperty(SupportsGet = true), Display(Name = "Year"), Range(1970, 2200, ErrorMessage = "A year is between 1970 and 2200.")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true), Display(Name = "Subject")]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true), Display(Name = "Indicator key"), StringLength(IndicatorKey.MaxLength, ErrorMessage = "An indicator key is at most 20 characters.")]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true, Name = "user"), Display(Name = "User (e-mail contains)"), StringLength(256, ErrorMessage = "Search for at most 256 characters.")]
    public string? UserContains { get; set; }

    [BindProperty(SupportsGet = true), Display(Name = "From (UTC date)")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true), Display(Name = "To (UTC date, inclusive)")]
    public DateOnly? To { get; set; }

    // From the query only: "page" is also the route value that names the Razor page.
    [FromQuery(Name = "page"), Range(1, 1_000_000, ErrorMessage = "Pages are numbered from 1.")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<EntryLine> Entries { get; private set; } = [];

    public bool HasNextPage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        string? key = null;
        if (!string.IsNullOrWhiteSpace(Key) && !IndicatorKey.TryNormalize(Key, out key))
        {
            ModelState.AddModelError(nameof(Key), text["'{0}' is not an indicator key such as 1.1, 2.1.1 or 2.1.1a.", Key]);
        }

        if (!string.IsNullOrEmpty(Subject) && !Subjects.Contains(Subject))
        {
            ModelState.AddModelError(nameof(Subject), text["Choose a subject from the list."]);
        }

        if (To == DateOnly.MaxValue)
        {
            ModelState.AddModelError(nameof(To), text["Choose an end date before 9999-12-31."]);
        }

        if (From > To)
        {
            ModelState.AddModelError(nameof(To), text["The end date must be on or after the start date."]);
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        var query = Between(From, To).AsNoTracking();
        query = Year is { } year ? query.Where(a => a.Year == year) : query;
        query = string.IsNullOrEmpty(Subject) ? query : query.Where(a => a.Subject == Subject);
        query = key is null ? query : query.Where(a => a.IndicatorKey == key);
        if (!string.IsNullOrWhiteSpace(UserContains))
        {
            // lower() on both sides: PostgreSQL's LIKE is case-sensitive, and e-mail addresses are not.
            var needle = UserContains.Trim().ToLowerInvariant();
            query = query.Where(a => a.UserName.ToLower().Contains(needle));
        }

        // The (At) index serves this order; the id breaks ties between entries of one save.
        var ordered = query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
        var rows = await ordered
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(a => new EntryLine(a.Id, a.At, a.UserName, a.Action, a.Subject, a.SubjectKey, a.Field, a.OldValue, a.NewValue, a.Reason))
            .ToListAsync(cancellationToken);
        HasNextPage = rows.Count > PageSize;
        Entries = rows.Take(PageSize).ToList();
    }

    /// <summary>The entries of the UTC days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    private IQueryable<AuditEntry> Between(DateOnly? from, DateOnly? to)
    {
        var entries = db.AuditEntries.AsQueryable();
        if (from is { } first)
        {
            var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(a => a.At >= start);
        }

        if (to is { } last)
        {
            var end = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(a => a.At < end);
        }

        return entries;
    }

    /// <summary>This page's address with the same filters, at another page number.</summary>
    public string PageLink(int page)
    {
        var query = new QueryBuilder();
        void Add(string name, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                query.Add(name, text);
            }
        }

        Add("year", Year);
        Add("subject", Subject);
        Add("key", Key);
        Add("user", UserContains);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("page", page);
        return "/admin/audit" + query.ToQueryString();
    }

    public sealed record EntryLine(
        long Id, DateTimeOffset At, string UserName, AuditAction Action, string Subject, string SubjectKey, string Field, string? OldValue, string? NewValue, string? Reason);
}
