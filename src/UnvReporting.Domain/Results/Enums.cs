namespace UnvReporting.Domain.Results;

/// <summary>Where an area sits in the results framework.</summary>
public enum ResultAreaKind
{
    Outcome,
    Output,
    InstitutionalEffectiveness,
}

/// <summary>Whether a higher or a lower result is the better one (deployment days: lower).</summary>
public enum Direction
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>The performance colour of an indicator-year (paragraph 3 of each report).</summary>
public enum Rating
{
    Green,
    Yellow,
    Red,
    Grey,
}

/// <summary>
/// How we know the published colour. The 2019 report prints the colour as a word; the 2021
/// report prints it as a coloured mark that did not survive into the text edition, so its colours
/// are read from the published score with the paragraph 3 rule and checked against the counts
/// that paragraph 3 states.
/// </summary>
public enum PublishedRatingBasis
{
    StatedInText,
    InferredFromPublishedScore,
}
