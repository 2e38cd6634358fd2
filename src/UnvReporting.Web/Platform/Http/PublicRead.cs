namespace UnvReporting.Web.Platform.Http;

/// <summary>
/// Marks an open read of API v1: anyone may call it, a staff token widens it to unpublished
/// years, and <c>?culture=</c> chooses the language of its text. The OpenAPI document says so.
/// </summary>
public sealed class PublicRead
{
    public static readonly PublicRead Metadata = new();

    private PublicRead()
    {
    }
}

public static class PublicReads
{
    /// <summary>
    /// The group an open read of API v1 is mapped in, so that every one of them is marked, refuses
    /// an unknown language, declares the same errors and is answered from the visitors' cache.
    /// </summary>
    public static RouteGroupBuilder MapPublicReads(this IEndpointRouteBuilder app, string tag) =>
        app.MapGroup("/api/v1")
            .WithTags(tag)
            .WithMetadata(PublicRead.Metadata)
            .AddEndpointFilter(ApiProblems.RejectUnsupportedCulture)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .CacheOutput(Caching.PublishedCache.Policy);

    /// <summary>
    /// One open read in such a group, named and described for the API reference; a read of one
    /// thing (a year, a framework, a metric) also declares the 404 of a thing the reader may not see.
    /// </summary>
    public static RouteHandlerBuilder MapRead(this RouteGroupBuilder api, string pattern, Delegate handler, string name, string summary, string description)
    {
        var read = api.MapGet(pattern, handler).WithName(name).WithSummary(summary).WithDescription(description);
        return pattern.Contains('{') ? read.ProducesProblem(StatusCodes.Status404NotFound) : read;
    }
}
