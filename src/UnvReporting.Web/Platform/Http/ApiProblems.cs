using Microsoft.AspNetCore.Http.HttpResults;

namespace UnvReporting.Web.Platform.Http;

/// <summary>
/// The problem-details answers and checks every JSON endpoint shares (the results, statistics
/// and staff APIs and the downloads), so that a malformed year or an unsupported language is
/// refused in the same words wherever it is sent.
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });

    /// <summary>A 400 for a year outside the span the reports cover; null for a year that may exist.</summary>
    public static ProblemHttpResult? CheckYear(int year) =>
        year is < StatisticFact.MinYear or > StatisticFact.MaxYear
            ? Problem(StatusCodes.Status400BadRequest, "Invalid year", $"A year is between {StatisticFact.MinYear} and {StatisticFact.MaxYear} (got {year}).")
            : null;

    /// <summary>
    /// Page requests with an unknown <c>?culture=</c> fall back to English; an API client gets a
    /// 400 instead, so a typo in "zh-Hans" is not mistaken for missing translations.
    /// </summary>
    public static async ValueTask<object?> RejectUnsupportedCulture(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        foreach (var name in new[] { "culture", "ui-culture" })
        {
            if (request.Query.TryGetValue(name, out var values))
            {
                var supported = context.HttpContext.RequestServices.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value.SupportedUICultures ?? [];
                if (values.Count != 1 || !supported.Any(c => string.Equals(c.Name, values[0], StringComparison.OrdinalIgnoreCase)))
                {
                    return Problem(
                        StatusCodes.Status400BadRequest,
                        "Unsupported culture",
                        $"{name} must be one of: {string.Join(", ", supported.Select(c => c.Name))}.");
                }
            }
        }

        return await next(context);
    }
}
