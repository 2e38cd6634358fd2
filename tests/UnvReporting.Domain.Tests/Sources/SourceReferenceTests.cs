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
    [InlineData(null)]
    public void Refuses_a_source_without_both_parts_showing_how_to_write_one(string? text) =>
        Refusal.Of(DomainException.WholeObject, () => SourceReference.Parse(text!))
            .Message.ShouldBe($"Source '{text}' must name a document and a place in it, as in 'DP/2020/14 para 19'.");

    [Fact]
    public void Refuses_a_place_without_a_document() =>
        Refusal.Of("DocumentSymbol", () => SourceReference.Parse(" para 19"))
            .Message.ShouldBe("Source document 'para' must be a document symbol such as DP/2020/14.");

    [Theory]
    [InlineData("DP 2020 14")]
    [InlineData("report")]
    public void A_document_symbol_is_one_word_with_a_slash(string symbol) =>
        Refusal.Of("DocumentSymbol", () => new SourceReference(symbol, "para 1"))
            .Message.ShouldBe($"Source document '{symbol}' must be a document symbol such as DP/2020/14.");

    [Theory]
    [InlineData(" ", "para 1", "Source document", "DocumentSymbol")]
    [InlineData("DP/2020/14", " ", "Source paragraph or table", "Locator")]
    public void The_document_and_the_place_in_it_are_required_and_named_when_missing(string symbol, string locator, string field, string key) =>
        Refusal.Of(key, () => new SourceReference(symbol, locator)).Message.ShouldContain(field);

    [Fact]
    public void Figures_entered_by_staff_cite_the_dashboard() =>
        SourceReference.EnteredHere.ToString().ShouldBe("UNV/dashboard staff entry");
}
