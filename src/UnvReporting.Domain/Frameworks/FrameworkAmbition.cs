using UnvReporting.Domain.Sources;

namespace UnvReporting.Domain.Frameworks;

/// <summary>
/// One ambition a framework sets for its final year, as summarised in a report (for example the
/// 2025 ambitions of the 2022-2025 framework, DP/2022/24 para 58). The wording is ours; a target
/// value is kept where the report gives a number.
/// </summary>
public sealed class FrameworkAmbition
{
    public FrameworkAmbition(
        int frameworkId, int sortOrder, string textEn, string textZh, decimal? targetPercent, SourceReference source)
    {
        if (targetPercent is < 0 or > 1000)
        {
            throw new DomainException(nameof(TargetPercent), $"An ambition's target must be between 0% and 1000% (got {targetPercent}%).");
        }

        FrameworkId = frameworkId;
        SortOrder = sortOrder;
        TextEn = Guard.Required(textEn, nameof(TextEn), $"English text", 500);
        TextZh = Guard.Required(textZh, nameof(TextZh), $"Chinese text", 500);
        TargetPercent = targetPercent;
        Source = source;
    }

    private FrameworkAmbition()
    {
        TextEn = TextZh = string.Empty;
        Source = null!;
    }

    public int Id { get; private set; }

    public int FrameworkId { get; private set; }

    public int SortOrder { get; private set; }

    public string TextEn { get; private set; }

    public string TextZh { get; private set; }

    /// <summary>The number in the ambition, when it is a percentage (an increase of 50%, 45% of reviews).</summary>
    public decimal? TargetPercent { get; private set; }

    public SourceReference Source { get; private set; }
}
