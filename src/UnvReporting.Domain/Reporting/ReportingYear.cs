using System.Linq.Expressions;
using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Staff;

namespace UnvReporting.Domain.Reporting;

public enum ReportingStatus
{
    Draft,
    Submitted,
    Published,
}

/// <summary>
/// The colour counts a report states for its year (paragraph 3). Grey is null when the report
/// does not mention it (DP/2022/24 states green, yellow and red only).
/// </summary>
public sealed record StatedSummary
{
    public StatedSummary(int green, int yellow, int red, int? grey, string locator)
    {
        if (green < 0 || yellow < 0 || red < 0 || grey < 0)
        {
            throw new DomainException(DomainException.WholeObject, $"Stated colour counts cannot be negative.");
        }

        Green = green;
        Yellow = yellow;
        Red = red;
        Grey = grey;
        Locator = Guard.Required(locator, nameof(Locator), $"Summary source paragraph", 80);
    }

    public int Green { get; }

    public int Yellow { get; }

    public int Red { get; }

    public int? Grey { get; }

    /// <summary>Where the report states the counts, for example "para 3".</summary>
    public string Locator { get; }

    public int Total => Green + Yellow + Red + (Grey ?? 0);
}

/// <summary>
/// A year UNV reports on, under one framework. A year moves Draft → Submitted → Published, and an
/// Approver may send a submitted year back to Draft. Only published years are public.
/// </summary>
public sealed class ReportingYear
{
    public ReportingYear(StrategicFramework framework, int year, ReportingStatus status, string? documentSymbol, StatedSummary? statedSummary)
    {
        if (!framework.Covers(year))
        {
            throw new DomainException(nameof(Year), $"Year {year} is outside the {framework.Code} framework.");
        }

        Year = year;
        Framework = framework;
        Status = status;
        DocumentSymbol = Guard.Optional(documentSymbol, nameof(DocumentSymbol), $"Report symbol", 40);
        StatedSummary = statedSummary;
    }

    private ReportingYear()
    {
        Framework = null!;
    }

    public int Year { get; private set; }

    public int FrameworkId { get; private set; }

    public StrategicFramework Framework { get; private set; }

    public ReportingStatus Status { get; private set; }

    /// <summary>The report the year's figures were loaded from (DP/2020/14 for 2019); null for years entered here.</summary>
    public string? DocumentSymbol { get; private set; }

    /// <summary>The colour counts as the report states them; null for years not published in a report.</summary>
    public StatedSummary? StatedSummary { get; private set; }

    /// <summary>Why an Approver last returned the year to draft; cleared when it is submitted again.</summary>
    public string? ReturnComment { get; private set; }

    public const int MaxCommentLength = 2000;

    public const int MaxReasonLength = 500;

    /// <summary>The key of a refused reason for a correction (<see cref="CheckEdit"/>, <see cref="Results.IndicatorYear.MarkRevised"/>).</summary>
    public const string ReasonField = "Reason";

    /// <summary>
    /// Which statuses visitors may read: a year is public once it is published, and not before.
    /// The one statement of the rule: the web project's queries filter with it as an expression,
    /// so that it runs in SQL (Platform/Data/Visibility.cs), and a page holding a status asks
    /// <see cref="IsPublic"/>.
    /// </summary>
    public static Expression<Func<ReportingStatus, bool>> PublicStatus { get; } = status => status == ReportingStatus.Published;

    private static readonly Func<ReportingStatus, bool> IsPublicCheck = PublicStatus.Compile();

    public static bool IsPublic(ReportingStatus status) => IsPublicCheck(status);

    /// <summary>
    /// Whether <paramref name="role"/> may change the year's figures now, and on what terms: a
    /// draft is open to Editors; a submitted year is frozen while it is reviewed (an Approver
    /// returns it to draft to change it); a published year is corrected by Approvers and Admins
    /// only, with a reason the public indicator page shows.
    /// </summary>
    public EditRule EditRuleFor(StaffRole role) => EditRuleFor(role, printedIn: null);

    /// <summary>
    /// The rule for one row of the year. A row printed in a published report
    /// (<paramref name="printedIn"/> names it) is what the public read, whatever the year's own
    /// status: in a draft it is corrected as a published year is, by Approvers and Admins with a
    /// reason. A submitted year stays frozen for every row.
    /// </summary>
    public EditRule EditRuleFor(StaffRole role, string? printedIn) => Status switch
    {
        ReportingStatus.Draft when printedIn is not null && role.CanReview() => EditRule.WithReason,
        ReportingStatus.Draft when printedIn is not null => EditRule.Closed(
            $"This figure of {Year} is printed in {printedIn}, a published report; only Approvers and Admins can change it, with a reason."),
        ReportingStatus.Draft when role.CanEnterData() => EditRule.Open,
        ReportingStatus.Published when role.CanReview() => EditRule.WithReason,
        ReportingStatus.Draft => EditRule.Closed($"A {role} cannot change figures; Editors, Approvers and Admins can."),
        ReportingStatus.Submitted => EditRule.Closed($"Year {Year} is submitted for review and cannot be changed; an Approver can return it to draft."),
        _ => EditRule.Closed($"Year {Year} is published; only Approvers and Admins can correct it, with a reason."),
    };

    /// <summary>Checks an edit against <see cref="EditRuleFor(StaffRole)"/> and returns the trimmed reason.</summary>
    public string? CheckEdit(StaffRole role, string? reason) => CheckEdit(role, reason, printedIn: null);

    /// <summary>Checks an edit of rows printed in <paramref name="printedIn"/> (or of none, when null) and returns the trimmed reason.</summary>
    public string? CheckEdit(StaffRole role, string? reason, string? printedIn)
    {
        var rule = EditRuleFor(role, printedIn);
        if (!rule.Allowed)
        {
            throw new DomainException(nameof(Status), rule.Refusal!);
        }

        var trimmed = Guard.Optional(reason, ReasonField, $"Reason", MaxReasonLength);
        if (rule.NeedsReason && trimmed is null)
        {
            throw Status == ReportingStatus.Published
                ? new DomainException(ReasonField, $"Year {Year} is published: say why it is being corrected (the indicator page shows the reason).")
                : new DomainException(ReasonField, $"This figure of {Year} is printed in {printedIn}, a published report: say why it is being corrected.");
        }

        return trimmed;
    }

    public void Submit(StaffRole by, PublicationCheck check)
    {
        if (!by.CanEnterData())
        {
            throw new DomainException(DomainException.WholeObject, $"A {by} cannot submit a year; Editors, Approvers and Admins can.");
        }

        RequireStatus(ReportingStatus.Draft, $"Year {Year} is {StatusWord}; only a draft year can be submitted.");
        RequireChecked(check, $"Year {Year} cannot be submitted yet: {check.Gaps}");
        Status = ReportingStatus.Submitted;
        ReturnComment = null;
    }

    /// <summary>
    /// Publishes a submitted year. With <paramref name="fourEyes"/> on, an account among the
    /// year's <paramref name="contributors"/> (who submitted it, or changed one of its figures
    /// since it was last returned or published) cannot publish it: a second person reads the
    /// figures before the Board does. Returns whether the publisher published their own work
    /// (only possible with four eyes off), so the audit trail can say so.
    /// </summary>
    public bool Publish(StaffRole by, string publisherId, PublicationCheck check, IReadOnlyCollection<string> contributors, bool fourEyes)
    {
        RequireReviewer(by, $"A {by} cannot publish a year; Approvers and Admins can.");
        RequireStatus(ReportingStatus.Submitted, $"Year {Year} is {StatusWord}; only a submitted year can be published.");
        var ownWork = contributors.Contains(publisherId, StringComparer.Ordinal);
        if (ownWork && fourEyes)
        {
            throw new DomainException(DomainException.WholeObject, $"You submitted year {Year} or changed its figures since it was last reviewed, so another Approver or Admin must publish it.");
        }

        RequireChecked(check, $"Year {Year} cannot be published yet: {check.Gaps}");
        Status = ReportingStatus.Published;
        return ownWork;
    }

    /// <summary>
    /// Takes a published year off the public site, back to review: a figure found wrong after
    /// publication, a report published by mistake. The reason goes into the audit trail.
    /// </summary>
    public string Withdraw(StaffRole by, string reason)
    {
        RequireReviewer(by, $"A {by} cannot withdraw a year; Approvers and Admins can.");
        RequireStatus(ReportingStatus.Published, $"Year {Year} is {StatusWord}; only a published year can be withdrawn.");
        var text = Guard.Required(reason, ReasonField, $"Reason for withdrawing", MaxReasonLength);
        Status = ReportingStatus.Submitted;
        return text;
    }

    /// <summary>
    /// Only a draft that holds nothing can be deleted (one opened by mistake, or for the wrong
    /// framework): anything entered is kept, and a year that was ever submitted has a history.
    /// </summary>
    public void CheckDeletable(StaffRole by, int indicatorYears, int statisticFacts)
    {
        if (!by.CanAdminister())
        {
            throw new DomainException(DomainException.WholeObject, $"A {by} cannot delete a year; Admins can.");
        }

        if (Status != ReportingStatus.Draft)
        {
            throw new DomainException(nameof(Status), $"Year {Year} is {StatusWord}; only a draft year can be deleted.");
        }

        if (indicatorYears > 0 || statisticFacts > 0)
        {
            throw new DomainException(DomainException.WholeObject, $"Year {Year} is not empty (indicator figures: {indicatorYears}, statistics: {statisticFacts}); only an empty draft can be deleted.");
        }
    }

    /// <summary>Refuses a move of the year while its check finds gaps, naming them all.</summary>
    private void RequireChecked(PublicationCheck check, FormattableString refusal)
    {
        if (check.Year != Year)
        {
            throw new ArgumentException("The check is of year " + check.Year + ", not " + Year + ".", nameof(check));
        }

        if (!check.Passed)
        {
            throw new DomainException(DomainException.WholeObject, refusal);
        }
    }

    public void ReturnToDraft(StaffRole by, string comment)
    {
        RequireReviewer(by, $"A {by} cannot return a year; Approvers and Admins can.");
        RequireStatus(ReportingStatus.Submitted, $"Year {Year} is {StatusWord}; only a submitted year can be returned to draft.");
        var text = Guard.Required(comment, nameof(ReturnComment), $"Comment for the editors", MaxCommentLength);
        Status = ReportingStatus.Draft;
        ReturnComment = text;
    }

    // Each move words its own refusal whole rather than slotting a verb into one sentence: in
    // Chinese the verb changes the sentence, and "published" the verb is not "published" the status.
    private static void RequireReviewer(StaffRole by, FormattableString refusal)
    {
        if (!by.CanReview())
        {
            throw new DomainException(DomainException.WholeObject, refusal);
        }
    }

    private void RequireStatus(ReportingStatus from, FormattableString refusal)
    {
        if (Status != from)
        {
            throw new DomainException(nameof(Status), refusal);
        }
    }

    /// <summary>The year's status as a word inside a sentence ("Year 2021 is draft"), translated as the status.</summary>
    private Term StatusWord => new(Status.ToString().ToLowerInvariant(), Status.ToString());
}

/// <summary>Whether a year's figures may be changed by someone, and whether a reason is needed.</summary>
public sealed record EditRule(bool Allowed, bool NeedsReason, FormattableString? Refusal)
{
    public static readonly EditRule Open = new(true, false, null);

    public static readonly EditRule WithReason = new(true, true, null);

    public static EditRule Closed(FormattableString refusal) => new(false, false, refusal);
}
