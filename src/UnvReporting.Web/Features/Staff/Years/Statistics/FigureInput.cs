using Microsoft.AspNetCore.Mvc.ModelBinding;
using UnvReporting.Domain.Sources;

namespace UnvReporting.Web.Features.Staff.Years.Statistics;

/// <summary>
/// What an editor types for a statistic, on the new and the edit page alike: the figure as text
/// (read in the editor's culture, then checked against the metric's unit), how exact it is, where
/// it was published, a note, and the reason a published year needs.
/// </summary>
public class FigureInput
{
    public const string Prefix = "Input";

    [Required(ErrorMessage = "Enter the value.")]
    [StringLength(40, ErrorMessage = "The value is too long to be a figure.")]
    public string? Value { get; set; }

    public Qualifier Qualifier { get; set; } = Qualifier.Exact;

    [Required(ErrorMessage = "Enter the source, as in 'DP/2022/24 para 19'.")]
    [StringLength(SourceReference.MaxSymbolLength + 1 + SourceReference.MaxLocatorLength, ErrorMessage = "The source is too long.")]
    public string? Source { get; set; }

    [StringLength(StatisticFact.MaxNoteLength, ErrorMessage = "The note can be at most 500 characters.")]
    public string? Note { get; set; }

    [StringLength(ReportingYear.MaxReasonLength, ErrorMessage = "The reason can be at most 500 characters.")]
    public string? Reason { get; set; }

    /// <summary>
    /// Reads the value and the source, or adds a message next to each field that does not read;
    /// null when either is missing or wrong. (Empty fields already have the Required message.)
    /// </summary>
    public (decimal Value, SourceReference Source)? Read(Unit unit, ModelStateDictionary modelState, IStringLocalizer<SharedResource> text)
    {
        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(Value))
        {
            if (NumberInput.TryParse(Value, unit, CultureInfo.CurrentCulture, $"Value", out var parsed, out var error))
            {
                value = parsed;
            }
            else
            {
                modelState.AddModelError($"{Prefix}.{nameof(Value)}", text.Say(error));
            }
        }

        SourceReference? source = null;
        if (!string.IsNullOrWhiteSpace(Source))
        {
            try
            {
                source = SourceReference.Parse(Source);
            }
            catch (DomainException exception)
            {
                modelState.AddModelError($"{Prefix}.{nameof(Source)}", text.Say(exception));
            }
        }

        return value is { } v && source is not null ? (v, source) : null;
    }

    /// <summary>The form field of a refusal's field key ("Value", "Note", "Reason"); a rule about the whole figure goes above the form.</summary>
    public static string InputOf(string field) =>
        field is nameof(Value) or nameof(Qualifier) or nameof(Source) or nameof(Note) or nameof(Reason) ? $"{Prefix}.{field}" : string.Empty;
}

/// <summary>What the shared fields partial (_FigureFields) needs: the input, the metric's unit, whether a reason is asked, and the messages.</summary>
public sealed record FigureFields(FigureInput Input, Unit? Unit, bool NeedsReason, ModelStateDictionary ModelState)
{
    public string? Error(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    /// <summary>Bootstrap's marker for a field with a message.</summary>
    public string Validity(string key) => Error(key) is null ? string.Empty : " is-invalid";
}
