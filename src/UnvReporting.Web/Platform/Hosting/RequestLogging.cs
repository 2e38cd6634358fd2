using Serilog;
using Serilog.Events;

namespace UnvReporting.Web.Platform.Hosting;

/// <summary>
/// One log line per request, written when the response is done: method, path, status code and
/// elapsed milliseconds (Serilog's request logging, with our template and levels).
/// </summary>
public static class RequestLogging
{
    public const string MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";

    public static IApplicationBuilder UseUnvRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // Without it the lines go to the static Log.Logger, which this app never configures
            // (Logging.AddUnvLogging), and miss the file.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = MessageTemplate;
            options.GetLevel = Level;
            options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(Printable(path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });

    /// <summary>
    /// A healthy probe is Debug: the orchestrator asks every few seconds, and those lines would
    /// bury the requests of people. A probe that fails is Information like any other request. A
    /// server error keeps Information too: whatever failed has logged its own error already, once
    /// (DatabaseUnavailable, the exception handler). Only an exception that escapes the pipeline
    /// (Development has no exception handler inside this one) makes the line an Error.
    /// </summary>
    internal static LogEventLevel Level(HttpContext context, double elapsedMs, Exception? exception) =>
        exception is not null
            ? LogEventLevel.Error
            : context.Request.Path.StartsWithSegments("/health") && context.Response.StatusCode == StatusCodes.Status200OK
                ? LogEventLevel.Debug
                : LogEventLevel.Information;

    /// <summary>
    /// The path comes from the client: a control character becomes '?' before it reaches a text
    /// sink, where a line break would let a caller forge a log line.
    /// </summary>
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
