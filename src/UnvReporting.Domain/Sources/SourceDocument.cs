namespace UnvReporting.Domain.Sources;

/// <summary>
/// A published report that figures are taken from, such as DP/2020/14 (the Administrator's report
/// on UNV for 2019). The product quotes its figures and the official names it contains; the
/// English title here is our own rendering.
/// </summary>
public sealed class SourceDocument
{
    public SourceDocument(string symbol, string titleEn, string titleZh, string session, DateOnly? issuedOn, string edition)
    {
        Symbol = SourceReference.CheckSymbol(symbol);
        TitleEn = Guard.Required(titleEn, nameof(TitleEn), $"English title", 300);
        TitleZh = Guard.Required(titleZh, nameof(TitleZh), $"Chinese title", 300);
        Session = Guard.Required(session, nameof(Session), $"Session", 300);
        IssuedOn = issuedOn;
        Edition = Guard.Required(edition, nameof(Edition), $"Edition", 10);
    }

    private SourceDocument()
    {
        Symbol = TitleEn = TitleZh = Session = Edition = string.Empty;
    }

    public string Symbol { get; private set; }

    public string TitleEn { get; private set; }

    public string TitleZh { get; private set; }

    /// <summary>The Executive Board session the report went to.</summary>
    public string Session { get; private set; }

    /// <summary>Date of issue when the text edition states it (DP/2022/24: 21 March 2022).</summary>
    public DateOnly? IssuedOn { get; private set; }

    /// <summary>Language edition the figures were read from (<c>zh</c> for both loaded reports).</summary>
    public string Edition { get; private set; }
}
