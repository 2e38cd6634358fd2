namespace UnvReporting.Domain.Sources;

/// <summary>
/// Where a figure was published: the document symbol (for example <c>DP/2020/14</c>) and the
/// place inside it (<c>para 19</c>, <c>para 25(a)</c>, <c>footnote 5</c>, <c>output 2.1 table</c>).
/// Written as one string, <c>"DP/2020/14 para 19"</c>, in the reference data file and in exports.
/// </summary>
public sealed record SourceReference
{
    public const int MaxSymbolLength = 40;
    public const int MaxLocatorLength = 80;

    /// <summary>For figures entered by staff before the year's report has a symbol.</summary>
    public static readonly SourceReference EnteredHere = new("UNV/dashboard", "staff entry");

    public SourceReference(string documentSymbol, string locator)
    {
        DocumentSymbol = CheckSymbol(documentSymbol);
        Locator = Guard.Required(locator, nameof(Locator), $"Source paragraph or table", MaxLocatorLength);
    }

    public string DocumentSymbol { get; }

    public string Locator { get; }

    /// <summary>Reads <c>"DP/2020/14 para 19"</c>: the symbol is everything before the first space.</summary>
    public static SourceReference Parse(string text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            throw new DomainException(
                DomainException.WholeObject,
                $"Source '{text}' must name a document and a place in it, as in 'DP/2020/14 para 19'.");
        }

        return new SourceReference(trimmed[..space], trimmed[(space + 1)..]);
    }

    /// <summary>
    /// A document symbol is one word with at least one slash, as every UN document symbol has
    /// (<c>DP/2020/14</c>, <c>A/RES/70/129</c>); the first space ends it.
    /// </summary>
    public static string CheckSymbol(string? symbol)
    {
        var checkedSymbol = Guard.Required(symbol, nameof(DocumentSymbol), $"Source document", MaxSymbolLength);
        if (checkedSymbol.Contains(' ', StringComparison.Ordinal) || !checkedSymbol.Contains('/', StringComparison.Ordinal))
        {
            throw new DomainException(nameof(DocumentSymbol), $"Source document '{checkedSymbol}' must be a document symbol such as DP/2020/14.");
        }

        return checkedSymbol;
    }

    public override string ToString() => $"{DocumentSymbol} {Locator}";
}
