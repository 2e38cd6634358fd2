using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using UnvReporting.Web.Features.Indicators;
using UnvReporting.Web.Features.Staff;
using UnvReporting.Web.Features.Statistics;

namespace UnvReporting.Web.Features.Api;

/// <summary>
/// What the schemas of API v1 cannot say by their C# types: the DTOs carry domain values as
/// words (<see cref="Words"/>), which the document lists as enums, and each main shape gets an
/// example (<see cref="ApiExamples"/>).
/// </summary>
public static class ApiSchemas
{
    /// <summary>The words a property may hold, by the DTO that declares it and its JSON name; made by <see cref="Words"/> from every value of the domain's enum.</summary>
    public static readonly IReadOnlyDictionary<(Type Dto, string Property), IReadOnlyList<string>> Vocabularies =
        new Dictionary<(Type, string), IReadOnlyList<string>>
        {
            [(typeof(YearDto), "status")] = WordsOf<ReportingStatus>(Words.Status),
            [(typeof(IndicatorYearDto), "level")] = WordsOf<ResultAreaKind>(Words.Level),
            [(typeof(IndicatorYearDto), "unit")] = WordsOf<Unit>(Words.Unit),
            [(typeof(IndicatorYearDto), "direction")] = WordsOf<Direction>(Words.Direction),
            [(typeof(IndicatorYearDto), "rating")] = WordsOf<Rating>(Words.Rating),
            [(typeof(IndicatorYearDto), "notRateable")] = WordsOf<NotRateableReason>(Words.NotRateable),
            [(typeof(IndicatorYearDto), "publishedRating")] = WordsOf<Rating>(Words.Rating),
            [(typeof(FlagDto), "code")] = [ScoreFlags.ScoreDiffersFromPublished, ScoreFlags.RatingDiffersFromPublished],
            [(typeof(StaffIndicatorYearDto), "status")] = WordsOf<ReportingStatus>(Words.Status),
            [(typeof(StatisticDto), "unit")] = WordsOf<Unit>(Words.Unit),
            [(typeof(StatisticDto), "qualifier")] = WordsOf<Qualifier>(Words.Qualifier),
            [(typeof(MetricHistoryDto), "unit")] = WordsOf<Unit>(Words.Unit),
            [(typeof(AuditEntryDto), "action")] = WordsOf<AuditAction>(Words.Action),
        };

    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(YearDto)] = ApiExamples.Year,
        [typeof(SummaryDto)] = ApiExamples.Summary,
        [typeof(IndicatorYearDto)] = ApiExamples.IndicatorYear,
        [typeof(IndicatorYearDetailDto)] = ApiExamples.IndicatorYearDetail,
        [typeof(IndicatorHistoryDto)] = ApiExamples.IndicatorHistory,
        [typeof(StatisticDto)] = ApiExamples.Statistic,
        [typeof(MetricHistoryDto)] = ApiExamples.MetricHistory,
        [typeof(TokenRequestDto)] = ApiExamples.TokenRequest,
        [typeof(TokenDto)] = ApiExamples.Token,
        [typeof(IndicatorYearEditDto)] = ApiExamples.Edit,
        [typeof(StaffIndicatorYearDto)] = ApiExamples.StaffIndicatorYear,
        [typeof(EditConflictDto)] = ApiExamples.EditConflict,
        [typeof(AuditEntryDto)] = ApiExamples.AuditEntry,
    };

    public static Task DescribeAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { } property)
        {
            // The generator knows a property's nullability only from a record's constructor; the
            // annotations of the DTOs' other properties (Source, Status, Version) say it as well.
            if (IsDto(property.DeclaringType) && property.AttributeProvider is PropertyInfo info && schema.Type is { } type
                && type.HasFlag(JsonSchemaType.Null) && new NullabilityInfoContext().Create(info).ReadState == NullabilityState.NotNull)
            {
                schema.Type = type & ~JsonSchemaType.Null;
            }

            if (property.DeclaringType == typeof(FlagDto) && property.Name is "computed" or "published")
            {
                schema.Description = "A whole percent (score-differs-from-published) or a colour word (rating-differs-from-published).";
            }

            if (Vocabularies.TryGetValue((property.DeclaringType, property.Name), out var words))
            {
                var values = words.Select(w => (JsonNode?)JsonValue.Create(w));

                // A nullable word's schema admits null by its type; the enum must list null too, or no null would validate.
                schema.Enum = (schema.Type?.HasFlag(JsonSchemaType.Null) == true ? values.Append(null) : values).ToList()!;
            }
        }
        else
        {
            if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
            {
                schema.Examples = [JsonNode.Parse(example)!];
            }

            // Its fields are parameters of a record, which the generator takes as required; a field left out stays as it is.
            if (context.JsonTypeInfo.Type == typeof(IndicatorYearEditDto))
            {
                schema.Required = new HashSet<string> { EditFields.Version };
            }

            // The API writes every property of its answers, null or not; the generator marks as
            // required only those a record's constructor sets.
            else if (IsDto(context.JsonTypeInfo.Type) && schema.Properties is { Count: > 0 } properties)
            {
                schema.Required = properties.Keys.ToHashSet();
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsDto(Type type) => type.Assembly == typeof(ApiSchemas).Assembly && type.Name.EndsWith("Dto", StringComparison.Ordinal);

    private static List<string> WordsOf<T>(Func<T, string> word)
        where T : struct, Enum =>
        Enum.GetValues<T>().Select(word).Distinct().ToList();
}
