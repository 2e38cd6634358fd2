using System.Text.Json.Serialization;
using UnvReporting.Web.Features.Indicators;
using UnvReporting.Web.Features.Staff.Years;

namespace UnvReporting.Web.Features.Staff;

// The shapes of the staff API (docs/api.md, "Staff API"); the integration tests pin them.

/// <summary>A bearer token and its lifetime in seconds. There is no refresh token: a client asks for a new one.</summary>
public sealed record TokenDto(string AccessToken, long ExpiresIn);

/// <summary>The body of <c>POST /api/v1/auth/token</c> (for the OpenAPI document; the endpoint reads the JSON itself).</summary>
public sealed record TokenRequestDto(string Email, string Password);

/// <summary>
/// The body of <c>PUT /api/v1/years/{year}/indicators/{key}</c> (for the OpenAPI document). The
/// endpoint reads the JSON itself, because an omitted field (unchanged) and a null one (cleared)
/// mean different things.
/// </summary>
public sealed record IndicatorYearEditDto(decimal? Target, decimal? Result, string? NarrativeEn, string? NarrativeZh, string? MissingDataReason, string Version, string? Reason);

/// <summary>What an indicator-year holds now, in the 409 answer to an edit based on an older version.</summary>
public sealed record CurrentValuesDto(decimal? Target, decimal? Result, string? NarrativeEn, string? NarrativeZh, string? MissingDataReason, string Version, string? ChangedBy, DateTimeOffset? ChangedAt)
{
    public static CurrentValuesDto From(CurrentValues current) =>
        new(current.Milestone, current.Result, current.NarrativeEn, current.NarrativeZh, current.MissingDataReason, current.Version, current.ChangedBy, current.ChangedAt);
}

/// <summary>The 409 answer to an edit based on an older version (for the OpenAPI document; the endpoint writes it as problem details with a <c>current</c> member).</summary>
public sealed record EditConflictDto(string Type, string Title, int Status, string Detail, CurrentValuesDto Current);

/// <summary>One audit entry of an indicator-year: one field changed, or the row added or removed ("*").</summary>
public sealed record AuditEntryDto(DateTimeOffset At, string User, string Action, string Field, string? OldValue, string? NewValue, string? Reason)
{
    public static AuditEntryDto From(AuditEntry entry) =>
        new(entry.At, entry.UserName, Words.Action(entry.Action), EditFields.ApiName(entry.Field), entry.OldValue, entry.NewValue, entry.Reason);
}

/// <summary>The API's names for the fields of an indicator-year, which the entry service and the audit trail name after the entity.</summary>
public static class EditFields
{
    public const string Target = "target";
    public const string Result = "result";
    public const string NarrativeEn = "narrativeEn";
    public const string NarrativeZh = "narrativeZh";
    public const string MissingDataReason = "missingDataReason";
    public const string Version = "version";
    public const string Reason = "reason";

    public static readonly IReadOnlyList<string> All = [Target, Result, NarrativeEn, NarrativeZh, MissingDataReason, Version, Reason];

    /// <summary>"Milestone" is the reports' word; the API calls it target, as the read API does. "Definition.TitleEn" becomes "definition.titleEn".</summary>
    public static string ApiName(string field) => field switch
    {
        "Milestone" => Target,
        _ => string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..])),
    };
}
