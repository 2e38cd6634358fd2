namespace UnvReporting.Web.Features.Api;

/// <summary>
/// The examples of the OpenAPI document. The public ones are answers the API gives on the
/// reference data (2021, indicator 1.1, volunteers deployed), and a test compares them with the
/// live answers; the staff ones follow a correction of the 2021 result of 1.1 to the 61% of its
/// paragraph 4, as docs/api.md tells it.
/// </summary>
public static class ApiExamples
{
    public const string Year = """{"year":2021,"framework":"2018-2021","status":"published"}""";

    public const string Summary = """
        {"year":2021,"green":11,"yellow":2,"red":1,"grey":0,"total":14,
         "byOutcome":[{"outcome":"1","green":4,"yellow":1,"red":1,"grey":0,"total":6},
                      {"outcome":"2","green":7,"yellow":1,"red":0,"grey":0,"total":8}],
         "stated":{"green":11,"yellow":2,"red":1,"grey":null,"source":"DP/2022/24 para 3"},
         "matchesStated":true}
        """;

    public const string IndicatorYear = $$"""
        {{{IndicatorYearFields}}}
        """;

    public const string IndicatorYearDetail = $$"""
        {{{IndicatorYearFields}},{{IndicatorYearTexts}}}
        """;

    public const string IndicatorHistory = $$"""
        {"key":"1.1","years":[
         {"year":2019,"framework":"2018-2021","key":"1.1","code":"1.1","level":"outcome","outcome":"1","output":null,
          "title":"{{Title}}",
          "unit":"percent","direction":"higher","cumulative":false,
          "target":45,"result":53,"score":117.78,"scorePercent":118,"rating":"green","notRateable":null,
          "publishedScorePercent":118,"publishedRating":"green","flags":[],"missingDataReason":null,
          "narrative":"Of the 47 voluntary national reviews presented at the 2019 high-level political forum, 28 acknowledged what volunteering contributes to the SDGs (para 4).",
          "source":"DP/2020/14 outcome 1 table",
          "note":"Paragraph 4 counts 28 of 47 reviews (60%) acknowledging volunteering; the table's result is 53%. The report does not say how the two relate."},
         {{IndicatorYearDetail}}]}
        """;

    public const string Statistic = """
        {"year":2019,"metric":"volunteers_deployed","dimension":null,"member":null,"value":8282,
         "unit":"count","qualifier":"exact","source":"DP/2020/14 para 19","note":null}
        """;

    public const string MetricHistory = """
        {"metric":"volunteers_deployed","name":"UN Volunteers deployed","unit":"count","facts":[
         {"year":1980,"metric":"volunteers_deployed","dimension":null,"member":null,"value":600,"unit":"count","qualifier":"more-than",
          "source":"DP/2022/24 para 52","note":"Per year at the end of UNV's first decade; the report gives no exact year."},
         {"year":1995,"metric":"volunteers_deployed","dimension":null,"member":null,"value":1800,"unit":"count","qualifier":"approximate",
          "source":"DP/2022/24 para 52","note":"Per year at the end of UNV's first 25 years; the report gives no exact year."},
         {"year":2019,"metric":"volunteers_deployed","dimension":null,"member":null,"value":8282,"unit":"count","qualifier":"exact",
          "source":"DP/2020/14 para 19","note":null},
         {"year":2019,"metric":"volunteers_deployed","dimension":"group","member":"SIDS and multi-country offices","value":334,"unit":"count",
          "qualifier":"exact","source":"DP/2020/14 para 21","note":null},
         {"year":2021,"metric":"volunteers_deployed","dimension":null,"member":null,"value":10921,"unit":"count","qualifier":"exact",
          "source":"DP/2022/24 para 14","note":null}]}
        """;

    public const string TokenRequest = """{"email":"approver@unv.org","password":"a long passphrase of your own"}""";

    public const string Token = """{"accessToken":"CfDJ8KlN2vYh...","expiresIn":3600}""";

    public const string Edit = """{"result":61,"reason":"Paragraph 4 gives 61%.","version":"41"}""";

    public const string StaffIndicatorYear = $$"""
        {"year":2021,"framework":"2018-2021","key":"1.1","code":"1.1","level":"outcome","outcome":"1","output":null,
         "title":"{{Title}}",
         "unit":"percent","direction":"higher","cumulative":false,
         "target":47,"result":61,"score":129.79,"scorePercent":130,"rating":"green","notRateable":null,
         "publishedScorePercent":126,"publishedRating":"green",
         "flags":[{"code":"score-differs-from-published","computed":130,"published":126}],"missingDataReason":null,
         {{IndicatorYearTexts}},
         "status":"published","version":"42","revisedOn":"2026-03-02","revisionReason":"Paragraph 4 gives 61%."}
        """;

    public const string EditConflict = """
        {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.10","title":"Changed since you read it","status":409,
         "detail":"Indicator 1.1 changed since the version you sent (approver@unv.org saved at 2026-03-02 10:15:00Z). Nothing was saved: compare with the current values and send the edit again with version 42.",
         "current":{"target":47,"result":61,
                    "narrativeEn":"42 voluntary national reviews were presented in 2021, and UNV gave 22 Member States technical help with collecting and analysing data (para 4).",
                    "narrativeZh":"2021 年共提交 42 份自愿国别评估；UNV 为 22 个会员国的数据收集和分析提供了技术援助(第 4 段)。","missingDataReason":null,"version":"42",
                    "changedBy":"approver@unv.org","changedAt":"2026-03-02T10:15:00+00:00"}}
        """;

    public const string AuditEntry = """
        {"at":"2026-03-02T10:15:00+00:00","user":"approver@unv.org","action":"changed","field":"result",
         "oldValue":"63","newValue":"61","reason":"Paragraph 4 gives 61%."}
        """;

    private const string Title = "Share of countries whose voluntary national reviews of SDG progress report that volunteering contributes positively to the SDGs";

    private const string IndicatorYearFields = $$"""
        "year":2021,"framework":"2018-2021","key":"1.1","code":"1.1","level":"outcome","outcome":"1","output":null,
         "title":"{{Title}}",
         "unit":"percent","direction":"higher","cumulative":false,
         "target":47,"result":63,"score":134.04,"scorePercent":134,"rating":"green","notRateable":null,
         "publishedScorePercent":126,"publishedRating":"green",
         "flags":[{"code":"score-differs-from-published","computed":134,"published":126}],"missingDataReason":null
        """;

    private const string IndicatorYearTexts = """
        "narrative":"42 voluntary national reviews were presented in 2021, and UNV gave 22 Member States technical help with collecting and analysing data (para 4).",
         "source":"DP/2022/24 outcome 1 table",
         "note":"The table's result of 63% against a 47% milestone is 134%, but the report prints 126%. Paragraph 4 gives 61% of the 42 reviews, not 63%."
        """;
}
