using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Sources;

namespace UnvReporting.Domain.Tests;

/// <summary>Small builders for valid domain objects, so each test states only what it is about.</summary>
internal static class TestData
{
    public static readonly SourceReference Source = new("DP/2020/14", "para 19");

    public static StrategicFramework Framework() => new(2018, 2021, "DP/2018/6", RatingBands.Default);

    public static ResultArea Outcome(string code = "2") =>
        new(1, code, ResultAreaKind.Outcome, null, "Outcome", "成果", 0);

    public static ResultArea Output(string code = "2.1") =>
        new(1, code, ResultAreaKind.Output, Outcome(code[..code.IndexOf('.', StringComparison.Ordinal)]), "Output", "产出", 0);

    public static Indicator Indicator(string key = "2.1.1a") => new(1, key, Output(), 0);

    public static IndicatorDefinition Definition(Unit unit = Unit.Count, Direction direction = Direction.HigherIsBetter) =>
        new("Months of volunteering through UNV", "通过联合国志愿人员组织参加志愿服务的月数", unit, isCumulative: false, direction);
}
