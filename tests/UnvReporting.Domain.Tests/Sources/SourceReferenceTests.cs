using UnvReporting.Domain.Sources;

namespace UnvReporting.Domain.Tests.Sources;

public class SourceReferenceTests
{
    [Theory]
    [InlineData("DP/2020/14 para 19", "DP/2020/14", "para 19")]
    [InlineData("DP/2022/24 para 25(a)", "DP/2022/24", "para 25(a)")]
    [InlineData("  DP/2020/14 output 2.1 table ", "DP/2020/14", "output 2.1 table")]
    public void Parses_a_document_and_a_place_in_it(string text, string document, string locator)
    {
        var source = SourceReference.Parse(text);

        source.DocumentSymbol.ShouldBe(document);
        source.Locator.ShouldBe(locator);
    }

    [Fact]
    public void Reads_back_as_it_is_written() =>
        SourceReference.Parse("DP/2020/14 footnote 5").ToString().ShouldBe("DP/2020/14 footnote 5");

    [Theory]
    [InlineData("DP/2020/14")]
    [InlineData("")]
    [InlineData(" para 19")]
    public void Refuses_a_source_without_both_parts(string text) =>
        Should.Throw<DomainException>(() => SourceReference.Parse(text));

    [Fact]
    public void A_document_symbol_is_one_word_with_a_slash()
    {
        Should.Throw<DomainException>(() => new SourceReference("DP 2020 14", "para 1"));
        Should.Throw<DomainException>(() => new SourceReference("report", "para 1"));
    }
}
