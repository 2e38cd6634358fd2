namespace UnvReporting.Web.Platform.Hosting;

/// <summary>
/// The problem-details answers of the API (RFC 9457). Most carry a detail written where they
/// arise; this fills in the ones that arrive without, so every 400 says what it is about.
/// </summary>
public static class ProblemDetailsSetup
{
    public const string MalformedYear = "A parameter of the address is malformed: a year is a whole number such as 2021.";

    public const string Malformed = "The request is malformed.";

    public static IServiceCollection AddUnvProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails is { Status: StatusCodes.Status400BadRequest, Detail: null } problem)
            {
                problem.Detail = DetailOf(problem, context.HttpContext);
            }
        });

    /// <summary>
    /// A validation problem lists its fields' messages, which name the field; an address value
    /// that did not bind (<c>/api/v1/years/abc/summary</c>, an int route value the framework
    /// refuses before the handler runs) says which. Once this answered every 400 with the year's
    /// text, a refused figure or e-mail address included.
    /// </summary>
    private static string DetailOf(ProblemDetails problem, HttpContext context)
    {
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation)
        {
            return string.Join(" ", validation.Errors.SelectMany(e => e.Value));
        }

        return context.GetRouteValue("year") is string year && !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? MalformedYear
            : Malformed;
    }
}
