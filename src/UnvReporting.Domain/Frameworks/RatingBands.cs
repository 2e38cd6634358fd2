using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Frameworks;

/// <summary>
/// The performance colours of a strategic framework, as whole percentages of the milestone:
/// green from <see cref="GreenFrom"/> up, yellow from <see cref="YellowFrom"/> up, red below
/// (paragraph 3 of each report). Lower bounds are inclusive.
/// </summary>
public sealed record RatingBands
{
    /// <summary>The bands of the 2018-2021 framework: green at 100% or more, yellow at 60% to 99%.</summary>
    public static readonly RatingBands Default = new(100, 60);

    public RatingBands(int greenFrom, int yellowFrom)
    {
        if (yellowFrom < 1)
        {
            throw new DomainException(nameof(YellowFrom), $"Yellow must start above 0% of the milestone (got {yellowFrom}%).");
        }

        if (greenFrom <= yellowFrom)
        {
            throw new DomainException(
                nameof(GreenFrom),
                $"Green must start above yellow (green from {greenFrom}%, yellow from {yellowFrom}%).");
        }

        if (greenFrom > 1000)
        {
            throw new DomainException(nameof(GreenFrom), $"Green must start at 1000% of the milestone or less (got {greenFrom}%).");
        }

        GreenFrom = greenFrom;
        YellowFrom = yellowFrom;
    }

    public int GreenFrom { get; }

    public int YellowFrom { get; }

    /// <summary>
    /// The colour of a score as shown, in whole percent. The colour is decided on the shown whole
    /// percent so that a shown "100%" is never yellow.
    /// </summary>
    public Rating Rate(long scorePercent) =>
        scorePercent >= GreenFrom ? Rating.Green
        : scorePercent >= YellowFrom ? Rating.Yellow
        : Rating.Red;
}
