namespace UnvReporting.Domain.Auditing;

/// <summary>What kind of change an audit entry records.</summary>
public enum AuditAction
{
    Added,
    Changed,
    Deleted,
}

/// <summary>
/// One change to the product's figures or definitions: who made it, when, what it was (old →
/// new) and why. Written in the same transaction as the change itself, so a change without its
/// entry (or an entry without its change) cannot exist. Entries are never updated or deleted.
/// The account's e-mail is copied in, so the entry still names the person after the account goes.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxValueLength = 4000;

    public AuditEntry(
        DateTimeOffset at,
        string? userId,
        string userName,
        AuditAction action,
        string subject,
        string subjectKey,
        int? year,
        string? indicatorKey,
        string field,
        string? oldValue,
        string? newValue,
        string? reason)
    {
        At = at;
        UserId = userId;
        UserName = Guard.Required(userName, nameof(UserName), $"User", 256);
        Action = action;
        Subject = Guard.Required(subject, nameof(Subject), $"Subject", 40);
        SubjectKey = Guard.Required(subjectKey, nameof(SubjectKey), $"Subject key", 200);
        Year = year;
        IndicatorKey = indicatorKey;
        Field = Guard.Required(field, nameof(Field), $"Field", 80);
        OldValue = Clip(oldValue);
        NewValue = Clip(newValue);
        Reason = Guard.Optional(reason, nameof(Reason), $"Reason", 2000);
    }

    private AuditEntry()
    {
        UserName = Subject = SubjectKey = Field = string.Empty;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The account that made the change; null for the system (reference data, command line).</summary>
    public string? UserId { get; private set; }

    public string UserName { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>The kind of thing changed: <c>indicator-year</c>, <c>statistic</c>, <c>reporting-year</c>, <c>indicator</c>...</summary>
    public string Subject { get; private set; }

    /// <summary>Which one, as people name it: <c>2021 1.2</c>, <c>2021 deployments entity=UNDP</c>.</summary>
    public string SubjectKey { get; private set; }

    public int? Year { get; private set; }

    public string? IndicatorKey { get; private set; }

    /// <summary>The field changed (<c>Result</c>, <c>Definition.TitleEn</c>), or <c>*</c> for a whole row added or deleted.</summary>
    public string Field { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    public string? Reason { get; private set; }

    private static string? Clip(string? value)
    {
        if (value is not { Length: > MaxValueLength })
        {
            return value;
        }

        // A cut inside a surrogate pair would store half a character, which PostgreSQL's UTF-8
        // cannot encode (Npgsql refuses the whole save) and no other stored text may hold.
        var keep = MaxValueLength - 1;
        if (char.IsHighSurrogate(value[keep - 1]))
        {
            keep--;
        }

        return value[..keep] + "…";
    }
}
