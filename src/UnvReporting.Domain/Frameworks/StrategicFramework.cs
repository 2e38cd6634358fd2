namespace UnvReporting.Domain.Frameworks;

/// <summary>
/// A UNV Strategic Framework period approved by the Executive Board (2018-2021, 2022-2025, ...).
/// Its code is the period itself, so the code and the years can never disagree.
/// </summary>
public sealed class StrategicFramework
{
    public StrategicFramework(int startYear, int endYear, string documentSymbol, RatingBands bands)
    {
        if (startYear is < 1970 or > 2200)
        {
            throw new DomainException(nameof(StartYear), $"A framework must start between 1970 and 2200 (got {startYear}).");
        }

        if (endYear < startYear || endYear - startYear > 10)
        {
            throw new DomainException(
                nameof(EndYear),
                $"A framework must end in or after its first year and last at most ten years ({startYear}-{endYear}).");
        }

        StartYear = startYear;
        EndYear = endYear;
        Code = $"{startYear}-{endYear}";
        DocumentSymbol = Guard.Required(documentSymbol, nameof(DocumentSymbol), $"Framework document", 40);
        Bands = bands;
    }

    private StrategicFramework()
    {
        Code = DocumentSymbol = string.Empty;
        Bands = RatingBands.Default;
    }

    public int Id { get; private set; }

    /// <summary>The period, as the reports write it: <c>2018-2021</c>.</summary>
    public string Code { get; private set; }

    public int StartYear { get; private set; }

    public int EndYear { get; private set; }

    /// <summary>The Executive Board document that set out the framework (DP/2018/6 for 2018-2021).</summary>
    public string DocumentSymbol { get; private set; }

    public RatingBands Bands { get; private set; }

    public bool Covers(int year) => year >= StartYear && year <= EndYear;

    public void ChangeBands(RatingBands bands) => Bands = bands;
}
