using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace UnvReporting.Web.Features.Api;

/// <summary>
/// The OpenAPI 3.1 document of API v1 at <c>/openapi/v1.json</c> (docs/api.md): built from the
/// endpoints' metadata, with the bearer scheme on the operations that take a token, the error
/// answers each operation gives, the words of the enums and examples from the reference data
/// (<see cref="ApiSchemas"/>). The reference page renders it (Features/Api/Reference.cshtml).
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";

    public const string Path = "/openapi/v1.json";

    /// <summary>The name of the security scheme in the document; the app's own scheme is <c>AccountsSetup.BearerScheme</c>.</summary>
    public const string BearerScheme = "Bearer";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Results"] = "Reporting years, their colour summaries and scored indicators. Open to anyone; a staff token adds draft and submitted years.",
        ["Statistics"] = "The yearly volunteer statistics as tidy facts (metric keys in docs/data-model.md).",
        ["Staff"] = "A bearer token for a staff account, edits of an indicator-year and its change history.",
        ["Exports"] = "The same figures as CSV and XLSX files (docs/exports.md). Signed-in staff (the pages' cookie, not a token) also get unpublished years and the change log.",
    };

    private static readonly Dictionary<int, string> ResponseDescriptions = new()
    {
        [StatusCodes.Status401Unauthorized] = "No bearer token, or an expired or forged one.",
        [StatusCodes.Status403Forbidden] = "The account may not do this: a Viewer's edit, an Editor's edit of a published year, any edit of a submitted year, or an account no longer current.",
        [StatusCodes.Status409Conflict] = "Someone saved the indicator-year since the version sent. Nothing was saved; current holds what it holds now.",
        [StatusCodes.Status413PayloadTooLarge] = "The body is over 64 KB.",
        [StatusCodes.Status415UnsupportedMediaType] = "The body is not application/json.",
        [StatusCodes.Status429TooManyRequests] = "Too many sign-in attempts from this address in the last minute (pages and API together).",
        [StatusCodes.Status503ServiceUnavailable] = "The database cannot be reached right now. Try again after the Retry-After seconds.",
    };

    /// <summary>What makes each parameter malformed (400) and what its absence is called (404).</summary>
    private static readonly Dictionary<string, (string Malformed, string Unknown)> ParameterProblems = new()
    {
        ["year"] = ($"a year that is not a whole number between {StatisticFact.MinYear} and {StatisticFact.MaxYear}", "year"),
        ["key"] = ("a malformed indicator code", "indicator"),
        ["metric"] = ("a metric key that is not snake_case", "metric"),
        ["culture"] = ("a culture the product does not offer", string.Empty),
    };

    /// <summary>
    /// Registers the document. The API writes its JSON and reads its bodies by hand
    /// (<see cref="StaffApiRequests"/>), which refuses a figure sent as a string; strict number
    /// handling says the same of the serializer, so the document types figures as numbers rather
    /// than as "a number, or a string that looks like one".
    /// </summary>
    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        return services.AddOpenApi(Name, options =>
        {
            options.AddDocumentTransformer(DescribeDocument);
            options.AddOperationTransformer(DescribeOperation);
            options.AddSchemaTransformer(ApiSchemas.DescribeAsync);
        });
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "UNV Results Dashboard API";
        document.Info.Version = Name;
        document.Info.Description =
            "Published reporting years, colour summaries, scored indicators and volunteer statistics of the UNV Strategic Framework, " +
            "and the same figures as CSV and XLSX files. Anonymous callers read published years; staff with a bearer token from " +
            "POST /api/v1/auth/token also read draft and submitted years, edit figures and read the change history. " +
            "Add ?culture=zh-Hans for Chinese titles and narratives; figures are plain JSON numbers in any language.";
        // The generator ends the server's address with a slash and every path starts with one; a
        // client that joins them (the reference page's Test Request) would ask for //api/v1/...
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A staff account's token from POST /api/v1/auth/token, sent as Authorization: Bearer <token>. It lasts an hour; there is no refresh token.",
        };
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }

    private static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var requiresToken = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var publicRead = metadata.OfType<PublicRead>().Any();
        if (requiresToken || publicRead)
        {
            var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] };

            // An empty requirement first: the token is optional, and without one the answer is the public one.
            operation.Security = requiresToken ? [bearer] : [new OpenApiSecurityRequirement(), bearer];
        }

        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            DescribeParameter(parameter);
        }

        if (publicRead)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(CultureParameter(context.ApplicationServices));
        }

        foreach (var (code, response) in operation.Responses ?? [])
        {
            if (response is OpenApiResponse answer && int.TryParse(code, CultureInfo.InvariantCulture, out var status))
            {
                DescribeResponse(answer, status, operation, requiresToken);
            }
        }

        return Task.CompletedTask;
    }

    private static void DescribeParameter(OpenApiParameter parameter)
    {
        switch (parameter.Name)
        {
            // The exports read the year as text so that a malformed one gets a problem answer; either way it is a year.
            case "year":
                parameter.Description = "A reporting year, such as 2021.";
                parameter.Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Format = "int32",
                    Minimum = StatisticFact.MinYear.ToString(CultureInfo.InvariantCulture),
                    Maximum = StatisticFact.MaxYear.ToString(CultureInfo.InvariantCulture),
                };
                parameter.Example = JsonValue.Create(2021);
                break;
            case "key":
                parameter.Description = "An indicator's key (2.1.1a) or its code as a report prints it (2.1.1.a).";
                parameter.Example = JsonValue.Create("1.1");
                break;
            case "metric":
                parameter.Description = "A metric key in snake_case; the keys are listed in docs/data-model.md.";
                parameter.Example = JsonValue.Create("volunteers_deployed");
                break;
        }
    }

    private static OpenApiParameter CultureParameter(IServiceProvider services)
    {
        var offered = services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value.SupportedUICultures ?? [];
        return new OpenApiParameter
        {
            Name = "culture",
            In = ParameterLocation.Query,
            Required = false,
            Description = "The language of titles, narratives and metric names; English when left out. Another value is a 400.",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = offered.Select(c => (JsonNode)JsonValue.Create(c.Name)).ToList(),
            },
        };
    }

    private static void DescribeResponse(OpenApiResponse response, int status, OpenApiOperation operation, bool requiresToken)
    {
        var parameters = (operation.Parameters ?? []).Select(p => p.Name).OfType<string>().Where(ParameterProblems.ContainsKey).ToList();
        response.Description = status switch
        {
            StatusCodes.Status400BadRequest => Malformed(parameters, operation.RequestBody is not null),
            StatusCodes.Status404NotFound => Unknown(parameters, requiresToken),
            StatusCodes.Status401Unauthorized when !requiresToken => "Sign-in refused: a wrong e-mail address or password, or a locked or disabled account. The answer does not say which.",
            _ when ResponseDescriptions.TryGetValue(status, out var description) => description,
            _ => response.Description,
        };

        var header = status switch
        {
            StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable => ("Retry-After", "Seconds to wait before trying again."),
            StatusCodes.Status401Unauthorized when requiresToken => ("WWW-Authenticate", "Bearer: the operation needs a staff token."),
            _ => default,
        };
        if (header.Item1 is { } name)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[name] = new OpenApiHeader { Description = header.Item2, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
    }

    private static string Malformed(List<string> parameters, bool hasBody)
    {
        var causes = parameters.Select(p => ParameterProblems[p].Malformed).ToList();
        if (hasBody)
        {
            causes.Add("a body that is not valid, with the messages by field under errors");
        }

        return causes.Count == 0 ? "The request is malformed." : $"The request is malformed: {string.Join(", or ", causes)}.";
    }

    private static string Unknown(List<string> parameters, bool staffOnly)
    {
        var things = parameters.Select(p => ParameterProblems[p].Unknown).Where(t => t.Length > 0).ToList();
        var what = things.SequenceEqual(["year", "indicator"]) ? "No such year, or the indicator is not part of it." : $"No such {string.Join(" or ", things)}.";
        return staffOnly || !parameters.Contains("year")
            ? what
            : $"{what} For a caller who is not staff, a year that is not published does not exist.";
    }
}
