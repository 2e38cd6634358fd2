using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace UnvReporting.Web.Features.Staff.Years.Import;

/// <summary>
/// Bounds a page's posted body by the configured upload cap. [RequestSizeLimit] takes only a
/// constant, and the cap must apply before the antiforgery check reads the form, so this runs as
/// an authorization filter ahead of it (as RequestSizeLimit does). A body that declares a larger
/// length is not read at all: the upload page says why.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitsAttribute : Attribute, IFilterFactory
{
    /// <summary>Room for the other form fields and the multipart boundaries around the file.</summary>
    public const long FormOverhead = 64 * 1024;

    public const string RefusalKey = "UploadRefused";

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Filter(
            serviceProvider.GetRequiredService<IOptions<ImportLimits>>(),
            serviceProvider.GetRequiredService<ITempDataDictionaryFactory>(),
            serviceProvider.GetRequiredService<IStringLocalizer<SharedResource>>());

    private sealed class Filter(IOptions<ImportLimits> limits, ITempDataDictionaryFactory tempData, IStringLocalizer<SharedResource> text) : IAuthorizationFilter, IOrderedFilter
    {
        public int Order => 900;

        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsPost(http.Request.Method))
            {
                return;
            }

            var allowed = limits.Value.MaxUploadBytes + FormOverhead;
            if (http.Request.ContentLength > allowed)
            {
                var data = tempData.GetTempData(http);
                data[RefusalKey] = text["The file is larger than {0:N0} KB, the most an import accepts. Split it, or leave out what does not change.", limits.Value.MaxUploadBytes / 1024].Value;

                // Short-circuited here, the page's own filters (which save temp data) do not run.
                data.Save();
                context.Result = new RedirectResult(http.Request.Path);
                return;
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = allowed;
            }

            if (http.Features.Get<IFormFeature>()?.Form is null)
            {
                http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = allowed }));
            }
        }
    }
}
