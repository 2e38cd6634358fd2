using System.Diagnostics;

namespace UnvReporting.Web.Infrastructure;

/// <summary>
/// One log line per request: method, path, status code and elapsed milliseconds. The path comes
/// from the client, so control characters are replaced before it reaches a text sink, where a
/// newline would let a caller forge a log line.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            logger.LogInformation(
                "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms",
                context.Request.Method,
                Printable(context.Request.Path.Value),
                status,
                elapsed);
        }
    }

    internal static string Printable(string? text) =>
        string.IsNullOrEmpty(text)
            ? "/"
            : string.Create(text.Length, text, (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = char.IsControl(source[i]) ? '?' : source[i];
                }
            });
}
