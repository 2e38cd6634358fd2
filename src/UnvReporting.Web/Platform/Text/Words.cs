namespace UnvReporting.Web.Platform.Text;

/// <summary>
/// The product's one vocabulary for its values (rating, unit, qualifier, status...), each in the
/// forms it is written in: the wire word the API, exports and data attributes carry (the OpenAPI
/// document lists them as enums, ApiSchemas), the words a reader sees, and the CSS class a
/// page styles it with. A page never writes an enum's own name.
/// </summary>
/// <remarks>
/// A display form takes the localizer: its English text is the resource key (ADR-007), and the
/// Chinese comes from the resx. <see cref="English"/> serves the staff pages, written in English.
/// </remarks>
public static class Words
{
    public static IStringLocalizer<SharedResource> English { get; } = new EnglishText();

    public static string Rating(Rating rating) => rating.ToString().ToLowerInvariant();

    public static string RatingName(Rating rating, IStringLocalizer<SharedResource> text) => text[rating switch
    {
        Domain.Results.Rating.Green => "Green",
        Domain.Results.Rating.Yellow => "Yellow",
        Domain.Results.Rating.Red => "Red",
        _ => "Grey",
    }];

    /// <summary>
    /// A lower-case word of running text made a label's first word ("cumulative" → "Cumulative").
    /// Resource keys ignore case, so a label cannot have its own capitalised key beside the
    /// running-text one; Chinese has no case and passes through unchanged.
    /// </summary>
    public static string Capitalized(string word) =>
        word.Length > 0 && char.IsLower(word[0]) ? char.ToUpperInvariant(word[0]) + word[1..] : word;

    public static string RatingCss(Rating rating) => "rating-" + Rating(rating);

    /// <summary>
    /// A shape for each colour so that the rating never rests on colour alone: a tick, a
    /// triangle, a cross, a circle.
    /// </summary>
    public static string RatingIcon(Rating rating) => rating switch
    {
        Domain.Results.Rating.Green => "✓",
        Domain.Results.Rating.Yellow => "▲",
        Domain.Results.Rating.Red => "✕",
        _ => "○",
    };

    public static string Direction(Direction direction) => direction == Domain.Results.Direction.LowerIsBetter ? "lower" : "higher";

    /// <summary>"no-milestone", "no-result", "zero-divisor", "negative-figure".</summary>
    public static string NotRateable(NotRateableReason reason) => Kebab(reason.ToString());

    public static string Status(ReportingStatus status) => status.ToString().ToLowerInvariant();

    public static string StatusName(ReportingStatus status, IStringLocalizer<SharedResource> text) => text[status switch
    {
        ReportingStatus.Published => "Published",
        ReportingStatus.Submitted => "Submitted",
        _ => "Draft",
    }];

    /// <summary>The level's name; the words live with the domain's messages, which name levels too (<see cref="DomainText"/>).</summary>
    public static string LevelName(ResultAreaKind kind, IStringLocalizer<SharedResource> text) => DomainText.KindName(text, kind);

    /// <summary>The role's name; the words live with the domain's messages, which name roles too (<see cref="DomainText"/>).</summary>
    public static string RoleName(Domain.Staff.StaffRole role, IStringLocalizer<SharedResource> text) => DomainText.RoleName(text, role);

    /// <summary>The colour of a status badge on the staff pages.</summary>
    public static string StatusCss(ReportingStatus status) => status switch
    {
        ReportingStatus.Published => "text-bg-success",
        ReportingStatus.Submitted => "text-bg-primary",
        _ => "text-bg-secondary",
    };

    /// <summary>"added", "changed", "deleted": what an audit entry records.</summary>
    public static string Action(AuditAction action) => action.ToString().ToLowerInvariant();

    public static string Level(ResultAreaKind kind) => kind switch
    {
        ResultAreaKind.Outcome => "outcome",
        ResultAreaKind.Output => "output",
        _ => "institutional-effectiveness",
    };

    public static string Unit(Unit unit) => unit switch
    {
        Domain.Unit.WorkingDays => "days",
        Domain.Unit.PercentChange => "percent-change",
        _ => unit.ToString().ToLowerInvariant(),
    };

    /// <summary>The unit in words, for a definition or a change of it ("volunteer months", "a count").</summary>
    public static string UnitName(Unit unit, IStringLocalizer<SharedResource> text) => text[unit switch
    {
        Domain.Unit.Count => "a count",
        Domain.Unit.Percent or Domain.Unit.PercentChange => "a percentage",
        Domain.Unit.Months => "volunteer months",
        Domain.Unit.Usd => "US dollars",
        Domain.Unit.WorkingDays => "working days",
        _ => "years of age",
    }];

    /// <summary>The unit as written next to a figure or its input box, so the editor knows what to type.</summary>
    public static string UnitLabel(Unit unit, IStringLocalizer<SharedResource> text) => text[unit switch
    {
        Domain.Unit.Count => "count",
        Domain.Unit.Percent => "% (0-100)",
        Domain.Unit.PercentChange => "% change",
        Domain.Unit.Months => "months",
        Domain.Unit.Usd => "USD",
        Domain.Unit.WorkingDays => "working days",
        _ => "years",
    }];

    /// <summary>"exact", "approximate", "more-than", "nearly": how the report states a figure.</summary>
    public static string Qualifier(Domain.Statistics.Qualifier qualifier) => Kebab(qualifier.ToString());

    public static string QualifierName(Domain.Statistics.Qualifier qualifier, IStringLocalizer<SharedResource> text) => text[qualifier switch
    {
        Domain.Statistics.Qualifier.Approximate => "about",
        Domain.Statistics.Qualifier.MoreThan => "more than",
        Domain.Statistics.Qualifier.Nearly => "nearly",
        _ => "exact",
    }];

    /// <summary>"better", "worse", "same", "definition-changed", "no-result": how a result moved since the previous year.</summary>
    public static string Change(ChangeVerdict verdict) => Kebab(verdict.ToString());

    public static string ChangeName(ChangeVerdict verdict, IStringLocalizer<SharedResource> text) => text[verdict switch
    {
        ChangeVerdict.Better => "better",
        ChangeVerdict.Worse => "worse",
        ChangeVerdict.Same => "same",
        ChangeVerdict.DefinitionChanged => "definition changed",
        _ => "no result to compare",
    }];

    /// <summary>
    /// Which way the result went, whatever the verdict: a lower-is-better result that fell reads
    /// "↓ better". The word carries the verdict; the arrow is hidden from screen readers.
    /// </summary>
    public static string ChangeArrow(ResultChange change) => change.Rose ? "↑" : change.Fell ? "↓" : "→";

    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>The key itself: the English text, for pages written in English only.</summary>
    private sealed class EnglishText : IStringLocalizer<SharedResource>
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(System.Globalization.CultureInfo.CurrentCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
