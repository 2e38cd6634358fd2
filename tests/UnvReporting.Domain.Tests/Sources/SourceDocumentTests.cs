using UnvReporting.Domain.Sources;

namespace UnvReporting.Domain.Tests.Sources;

public class SourceDocumentTests
{
    private static SourceDocument Report2019(
        string symbol = "DP/2020/14",
        string titleEn = "Annual report of the Administrator on UNV for 2019",
        string titleZh = "署长关于联合国志愿人员组织的年度报告",
        string session = "Annual session 2020",
        string edition = "zh") =>
        new(symbol, titleEn, titleZh, session, new DateOnly(2020, 3, 30), edition);

    [Fact]
    public void Keeps_the_symbol_titles_session_date_and_edition_read()
    {
        var report = Report2019(symbol: " DP/2020/14 ");

        report.Symbol.ShouldBe("DP/2020/14");
        report.TitleEn.ShouldBe("Annual report of the Administrator on UNV for 2019");
        report.TitleZh.ShouldBe("署长关于联合国志愿人员组织的年度报告");
        report.Session.ShouldBe("Annual session 2020");
        report.IssuedOn.ShouldBe(new DateOnly(2020, 3, 30));
        report.Edition.ShouldBe("zh");
    }

    [Fact]
    public void The_date_of_issue_may_be_unknown() =>
        new SourceDocument("DP/2022/24", "Annual report 2021", "2021年度报告", "Annual session 2022", null, "zh").IssuedOn.ShouldBeNull();

    [Fact]
    public void Its_symbol_is_a_document_symbol() =>
        Refusal.Of("DocumentSymbol", () => Report2019(symbol: "Annual report"))
            .Message.ShouldContain("must be a document symbol");

    [Theory]
    [InlineData("English title", "TitleEn")]
    [InlineData("Chinese title", "TitleZh")]
    [InlineData("Session", "Session")]
    [InlineData("Edition", "Edition")]
    public void Its_titles_session_and_edition_are_required_and_named_when_missing(string field, string key) =>
        Refusal.Of(key, () => Report2019(
                titleEn: field == "English title" ? " " : "Annual report",
                titleZh: field == "Chinese title" ? " " : "年度报告",
                session: field == "Session" ? " " : "Annual session 2020",
                edition: field == "Edition" ? " " : "zh"))
            .Message.ShouldContain(field);
}
