using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace UnvReporting.Web.Features;

/// <summary>
/// The friendly page shown for errors and unknown addresses. It never shows exception details;
/// the request id lets support find the full entry in the log.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string RequestId { get; private set; } = string.Empty;

    public void OnGet(int? statusCode) => Describe(statusCode);

    // The exception handler re-runs the failed request's method, which may be a POST.
    public void OnPost(int? statusCode) => Describe(statusCode);

    private void Describe(int? statusCode)
    {
        // A POST whose form cannot be read (a NUL in a field: 400) is re-executed here with the
        // same unreadable form, which fails the binding of every parameter, the route's status
        // included; without this the visitor's 400 became a 500.
        statusCode ??= HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode;

        // After an exception the handler has already chosen the status (503 for an unavailable
        // database, see Platform/Hosting/DatabaseUnavailable); keep it rather than say 500.
        Status = statusCode is >= 400 and <= 599 ? statusCode.Value
            : Response.StatusCode is >= 500 and <= 599 ? Response.StatusCode
            : StatusCodes.Status500InternalServerError;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Response.StatusCode = Status;
    }
}
