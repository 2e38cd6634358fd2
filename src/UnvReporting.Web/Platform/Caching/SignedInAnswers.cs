namespace UnvReporting.Web.Platform.Caching;

/// <summary>
/// An answer to a signed-in reader may hold what visitors must not see (a draft year, an account's
/// own page), so no browser or proxy cache may keep it for anyone else. Set once here, for pages,
/// the API and the downloads alike, rather than by whichever code happened to widen the view.
/// </summary>
public static class SignedInAnswers
{
    /// <summary>After authentication, so that the reader is known; an endpoint's own choice stands.</summary>
    public static IApplicationBuilder UseNoStoreForSignedIn(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                context.Response.OnStarting(() =>
                {
                    if (string.IsNullOrEmpty(context.Response.Headers.CacheControl))
                    {
                        context.Response.Headers.CacheControl = "no-store";
                    }

                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
}
