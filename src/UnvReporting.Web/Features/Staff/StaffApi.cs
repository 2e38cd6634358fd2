using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using UnvReporting.Web.Features.Indicators;
using UnvReporting.Web.Features.Staff.Years;

namespace UnvReporting.Web.Features.Staff;

/// <summary>
/// The staff side of API v1: a bearer token for a staff account, edits of an indicator-year with
/// the same rules, roles and audit trail as the entry page (<see cref="IndicatorEntry"/>), and an
/// indicator-year's audit history (docs/api.md, "Staff API").
/// </summary>
public static class StaffApi
{
    /// <summary>Deliberately the sign-in page's words: a guesser learns nothing about which part was wrong.</summary>
    public const string SignInFailure = "The e-mail address or password is not right, or the account cannot sign in now.";

    private const string Via = "api";

    public static IEndpointRouteBuilder MapStaffApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .WithTags("Staff")
            .AddEndpointFilter(ApiProblems.RejectUnsupportedCulture)
            .AddEndpointFilter(NotStored)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/auth/token", IssueToken)
            .AllowAnonymous()
            .RequireRateLimiting(SignInRateLimits.Policy)
            .WithName("issueToken")
            .WithSummary("Bearer token for a staff account")
            .WithDescription("A bearer token for a staff account, valid for an hour; lockout after 5 failed attempts applies.")
            .TakesJson<TokenRequestDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPut("/years/{year}/indicators/{key}", EditIndicatorYear)
            .RequireAuthorization(StaffPolicies.EnterData)
            .WithName("editIndicatorYear")
            .WithSummary("Edit an indicator-year")
            .WithDescription("Changes an indicator-year's target, result, narratives or reason for missing data (omitted fields stay as they are, null clears; a result clears the reason); answers the indicator-year with its new score, colour and version.")
            .TakesJson<IndicatorYearEditDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<EditConflictDto>(StatusCodes.Status409Conflict, "application/problem+json");
        api.MapGet("/years/{year}/indicators/{key}/history", GetIndicatorYearHistory)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("getIndicatorYearHistory")
            .WithSummary("Change history of an indicator-year")
            .WithDescription("The audit entries of an indicator-year, newest first: field, old and new value, who, when and why.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>A JSON body as the document lists it, with the answers every body can get: invalid, too large, not JSON.</summary>
    private static RouteHandlerBuilder TakesJson<TBody>(this RouteHandlerBuilder endpoint)
        where TBody : notnull =>
        endpoint.Accepts<TBody>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>
    /// Issues the bearer token itself instead of returning <c>Results.SignIn</c> to the bearer
    /// scheme: that answer carries a refresh token, which this API does not offer (a token ends
    /// within the hour; an account disabled meanwhile is refused at once by the policies).
    /// The token is the same protected ticket the bearer handler reads, with the expiry it requires.
    /// </summary>
    private static async Task<Results<Ok<TokenDto>, ValidationProblem, ProblemHttpResult>> IssueToken(
        HttpContext context,
        UserManager<StaffUser> users,
        SignInManager<StaffUser> signInManager,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        SecurityEvents security,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await StaffApiRequests.ReadObjectAsync(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        (string Email, string Password)? credentials;
        using (body)
        {
            credentials = StaffApiRequests.ReadCredentials(body!.RootElement, errors);
        }

        if (credentials is not var (email, password))
        {
            return TypedResults.ValidationProblem(errors, title: "The token request is not valid.");
        }

        // By user name, as the sign-in page's PasswordSignInAsync looks accounts up; staff user names are their e-mail addresses.
        var user = await users.FindByNameAsync(email);
        if (user is null)
        {
            await ((StaffSignInManager)signInManager).RefuseUnknownAccountAsync(password);
            security.SignInFailed(email, Via, "unknown account");
            return Refused();
        }

        var result = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            if (result.IsLockedOut)
            {
                security.LockedOut(email, Via);
            }
            else
            {
                security.SignInFailed(email, Via, result.IsNotAllowed ? "not allowed (disabled)" : "wrong e-mail or password");
            }

            return Refused();
        }

        var principal = await signInManager.CreateUserPrincipalAsync(user);
        var now = clock.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + AccountsSetup.TokenLifetime };
        var ticket = new AuthenticationTicket(principal, properties, $"{AccountsSetup.BearerScheme}:AccessToken");
        var token = bearerOptions.Get(AccountsSetup.BearerScheme).BearerTokenProtector.Protect(ticket);
        security.SignedIn(email, Via);
        return TypedResults.Ok(new TokenDto(token, (long)AccountsSetup.TokenLifetime.TotalSeconds));
    }

    private static async Task<Results<Ok<StaffIndicatorYearDto>, ValidationProblem, ProblemHttpResult>> EditIndicatorYear(
        int year,
        string key,
        HttpContext context,
        IndicatorEntry entry,
        UnvDbContext db,
        CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckYear(year) is { } invalidYear)
        {
            return invalidYear;
        }

        if (ResultsApi.CheckKey(key, out var normalized) is { } invalidKey)
        {
            return invalidKey;
        }

        var (body, problem) = await StaffApiRequests.ReadObjectAsync(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        (IndicatorEdit Edit, string? Reason)? request;
        using (body)
        {
            request = StaffApiRequests.ReadEdit(body!.RootElement, normalized!, errors);
        }

        if (request is not var (edit, reason))
        {
            return TypedResults.ValidationProblem(errors, title: "The edit is not valid.");
        }

        var user = context.User;

        // Problem details are English whatever ?culture= says (docs/api.md): the refusals the
        // change words in the reader's language for the pages are worded in English here.
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Localization.DefaultCulture);
        YearOutcome outcome;
        try
        {
            outcome = await entry.SaveAsync(year, [edit], user.CurrentRole(), StaffActor.From(user), reason, cancellationToken);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }

        if (outcome is not YearOutcome.Saved)
        {
            return Refused(outcome, normalized!);
        }

        // Read back through the pages' query, so the score and colour come from the one scoring path.
        var saved = (await db.LoadIndicatorHistoryAsync(normalized!, cancellationToken, YearVisibility.Everything)).Single(h => h.Figures.Year == year);
        return TypedResults.Ok(new StaffIndicatorYearDto(saved));
    }

    private static async Task<Results<Ok<List<AuditEntryDto>>, ProblemHttpResult>> GetIndicatorYearHistory(
        int year, string key, UnvDbContext db, CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckYear(year) is { } invalidYear)
        {
            return invalidYear;
        }

        if (ResultsApi.CheckKey(key, out var normalized) is { } invalidKey)
        {
            return invalidKey;
        }

        if (!await db.IndicatorYears.AnyAsync(iy => iy.Year == year && iy.Indicator.Key == normalized, cancellationToken))
        {
            return ResultsApi.UnknownIndicatorYear(year, normalized!, YearVisibility.Everything);
        }

        // Newest first by id: entries are written in the order of the saves (and SQLite cannot order by a DateTimeOffset).
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Subject == "indicator-year" && a.Year == year && a.IndicatorKey == normalized)
            .OrderByDescending(a => a.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries.Select(AuditEntryDto.From).ToList());
    }

    private static ProblemHttpResult Refused() =>
        ApiProblems.Problem(StatusCodes.Status401Unauthorized, "Sign-in refused", SignInFailure);

    /// <summary>The API's answer to a refused change: 400 with the JSON fields, 403, 404 or 409 with the current values.</summary>
    private static Results<Ok<StaffIndicatorYearDto>, ValidationProblem, ProblemHttpResult> Refused(YearOutcome outcome, string key) => outcome switch
    {
        YearOutcome.Invalid invalid => TypedResults.ValidationProblem(
            invalid.Errors.GroupBy(e => FieldOf(e.Field, key)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "The edit is not valid."),
        YearOutcome.Forbidden forbidden => ApiProblems.Problem(StatusCodes.Status403Forbidden, "Not allowed", forbidden.Message),
        YearOutcome.NotFound notFound => ApiProblems.Problem(StatusCodes.Status404NotFound, "No such indicator-year", notFound.Message),
        YearOutcome.Conflict conflict => Conflict(conflict.Rows.Cast<CurrentValues>().Single()),
        _ => throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}."),
    };

    private static ProblemHttpResult Conflict(CurrentValues current)
    {
        var who = current.ChangedBy is { } by && current.ChangedAt is { } at ? $" ({by} saved at {at:u})" : string.Empty;
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Changed since you read it",
            Detail = $"Indicator {current.Key} changed since the version you sent{who}. Nothing was saved: compare with the current values and send the edit again with version {current.Version}.",
            Extensions = { ["current"] = CurrentValuesDto.From(current) },
        });
    }

    /// <summary>The entry keys a refusal "1.1.Milestone" or "Reason"; the API names the JSON field.</summary>
    private static string FieldOf(string entryKey, string key) =>
        EditFields.ApiName(entryKey.StartsWith(key + ".", StringComparison.Ordinal) ? entryKey[(key.Length + 1)..] : entryKey);

    /// <summary>Tokens, unpublished figures and audit entries: no cache keeps them.</summary>
    private static async ValueTask<object?> NotStored(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return await next(context);
    }
}
