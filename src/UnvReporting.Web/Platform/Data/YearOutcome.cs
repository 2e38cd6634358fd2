using Microsoft.AspNetCore.Http;

namespace UnvReporting.Web.Platform.Data;

/// <summary>A refused value: the key of the input it is about (a domain field, "Reason", or empty for the change as a whole) and the message.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>How a change to a year's data ended (<see cref="YearChanges"/>).</summary>
public abstract record YearOutcome
{
    public static readonly Saved Done = new();

    /// <summary>Saved with its audit entries.</summary>
    public sealed record Saved : YearOutcome;

    /// <summary>Nothing saved: the year or a row does not exist.</summary>
    public sealed record NotFound(string Message) : YearOutcome;

    /// <summary>Nothing saved: the role may not change the year in its current status, or a figure a published report prints.</summary>
    public sealed record Forbidden(string Message) : YearOutcome
    {
        /// <summary>
        /// The change touched a figure a published report prints. Only the change shows that (a
        /// new figure given a published report as its source), so the form could not have said so.
        /// </summary>
        public bool OfPrintedFigure { get; init; }

        /// <summary>The year itself changed status (or another save of it won) while this change was made.</summary>
        public bool YearMoved { get; init; }
    }

    /// <summary>Nothing saved: the messages by field (none when the caller had already shown its own).</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : YearOutcome;

    /// <summary>Nothing saved: these rows (entities, or the keys the change named) changed since the editor read them.</summary>
    public sealed record Conflict(IReadOnlyList<object> Rows) : YearOutcome;
}

public static class YearOutcomePages
{
    /// <summary>
    /// The page's answer to a refused change: 404, 403, or the page again with each message next to
    /// its input (as 403 for a printed figure the role may not change). <paramref name="inputOf"/> names the form field of a refusal's field key.
    /// </summary>
    public static IActionResult Refused(this PageModel page, YearOutcome outcome, Func<string, string> inputOf)
    {
        switch (outcome)
        {
            case YearOutcome.NotFound:
                return page.NotFound();
            case YearOutcome.Forbidden { OfPrintedFigure: true } printed:
                // The page again with why, still as 403: the person can change what they typed.
                page.ModelState.AddModelError(string.Empty, printed.Message);
                page.Response.StatusCode = StatusCodes.Status403Forbidden;
                return page.Page();
            case YearOutcome.Forbidden:
                return page.Forbid();
            case YearOutcome.Invalid invalid:
                foreach (var error in invalid.Errors)
                {
                    page.ModelState.AddModelError(inputOf(error.Field), error.Message);
                }

                return page.Page();
            default:
                throw new InvalidOperationException($"A page must answer {outcome.GetType().Name} itself.");
        }
    }
}
