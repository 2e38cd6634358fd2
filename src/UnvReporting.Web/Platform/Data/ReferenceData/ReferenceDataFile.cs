using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UnvReporting.Web.Platform.Data.ReferenceData;

/// <summary>
/// The shape of <c>unv-reference-data.json</c>, the one file holding every figure the product
/// ships from the two published reports. It is embedded in the assembly; see
/// docs/reference-data.md for what it holds and where each part comes from.
/// </summary>
internal sealed record ReferenceDataFile(
    string About,
    IReadOnlyList<SourceDocumentEntry> SourceDocuments,
    IReadOnlyList<FrameworkEntry> Frameworks,
    IReadOnlyList<ReportingYearEntry> ReportingYears,
    IReadOnlyList<MetricEntry> Metrics,
    IReadOnlyList<DimensionEntry> Dimensions,
    IReadOnlyList<StatisticEntry> Statistics)
{
    public const string ResourceName = "UnvReporting.ReferenceData.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>SHA-256 of the file's bytes, recorded when it is loaded.</summary>
    [JsonIgnore]
    public string Sha256 { get; init; } = string.Empty;

    public static ReferenceDataFile Read()
    {
        var bytes = EmbeddedBytes();
        var file = JsonSerializer.Deserialize<ReferenceDataFile>(bytes, Options)
            ?? throw new InvalidOperationException("The reference data file is empty.");
        return file with { Sha256 = Hash(bytes) };
    }

    /// <summary>The embedded file's hash without parsing it: all a start-up on a loaded database needs.</summary>
    public static string EmbeddedSha256() => Hash(EmbeddedBytes());

    private static byte[] EmbeddedBytes()
    {
        using var stream = typeof(ReferenceDataFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

internal sealed record SourceDocumentEntry(string Symbol, string TitleEn, string TitleZh, string Session, DateOnly? IssuedOn, string Edition);

internal sealed record FrameworkEntry(
    int StartYear,
    int EndYear,
    string Document,
    int GreenFrom,
    int YellowFrom,
    IReadOnlyList<ResultAreaEntry> ResultAreas,
    IReadOnlyList<IndicatorEntry> Indicators,
    IReadOnlyList<CumulativeAchievementEntry> CumulativeAchievements,
    IReadOnlyList<AmbitionEntry> Ambitions)
{
    public string Code => $"{StartYear}-{EndYear}";
}

internal sealed record ResultAreaEntry(string Code, ResultAreaKind Kind, string? Parent, string TitleEn, string TitleZh);

internal sealed record IndicatorEntry(string Key, string Area);

internal sealed record CumulativeAchievementEntry(string Indicator, int FromYear, int ToYear, int PercentOfTarget, string Source);

internal sealed record AmbitionEntry(string TextEn, string TextZh, decimal? TargetPercent, string Source);

internal sealed record ReportingYearEntry(
    int Year,
    string Framework,
    ReportingStatus Status,
    string Document,
    StatedSummaryEntry StatedSummary,
    IReadOnlyList<IndicatorYearEntry> Indicators);

internal sealed record StatedSummaryEntry(int Green, int Yellow, int Red, int? Grey, string Locator);

internal sealed record IndicatorYearEntry(
    string Code,
    Unit Unit,
    bool Cumulative,
    Direction Direction,
    string TitleZh,
    string TitleEn,
    decimal? Milestone,
    decimal? Result,
    int? PublishedScore,
    Rating? PublishedRating,
    PublishedRatingBasis? RatingBasis,
    string Source,
    string? NarrativeEn,
    string? NarrativeZh,
    string? Note);

internal sealed record MetricEntry(string Key, Unit Unit, string NameEn, string NameZh, string DescriptionEn);

internal sealed record DimensionEntry(string Key, string NameEn, string NameZh, IReadOnlyList<DimensionMemberEntry> Members);

internal sealed record DimensionMemberEntry(string Key, string NameEn, string NameZh);

internal sealed record StatisticEntry(
    int Year,
    string Metric,
    string? Dimension,
    string? Member,
    decimal Value,
    Qualifier Qualifier,
    string Source,
    string? Note);
