using Microsoft.AspNetCore.Html;

namespace UnvReporting.Web.Platform.Text;

/// <summary>
/// How figures read on a page, by unit and in the current culture: "53%", "493,811",
/// "USD 221.3 million", "45 days". Exports and the API carry raw numbers instead.
/// </summary>
public sealed class DisplayFormat(IStringLocalizer<SharedResource> text)
{
    private const decimal TenThousand = 10_000m;

    private const decimal Million = 1_000_000m;

    private const decimal HundredMillion = 100_000_000m;

    public string Value(decimal? value, Unit unit)
    {
        if (value is not { } v)
        {
            return text["no data"];
        }

        return unit switch
        {
            Unit.Percent => Percent(v),
            Unit.PercentChange => (v > 0 ? "+" : string.Empty) + Percent(v),
            Unit.Usd => Usd(v),
            Unit.WorkingDays => text["{0} days", Number(v)],
            Unit.Years => text["{0} years", Number(v)],
            Unit.Months => text["{0} months", Number(v)],
            _ => Number(v),
        };
    }

    /// <summary>
    /// An amount in US dollars as the reader's language groups large numbers: by the million in
    /// English ("USD 221.3 million"), by 万 (10⁴) and 亿 (10⁸) in Chinese ("2.213亿美元",
    /// "4,530万美元"). Rounded to the same tenth of a million in both, so neither reader is told more.
    /// </summary>
    private string Usd(decimal v)
    {
        var size = Math.Abs(v);
        if (!Localization.IsChinese)
        {
            return size >= Million
                ? text["USD {0} million", Number(decimal.Round(v / Million, 1, MidpointRounding.AwayFromZero))]
                : text["USD {0}", Number(v)];
        }

        if (size >= HundredMillion)
        {
            return text["USD {0} hundred million", Number(decimal.Round(v / HundredMillion, 3, MidpointRounding.AwayFromZero))];
        }

        if (size >= Million)
        {
            return text["USD {0} ten thousand", Number(decimal.Round(v / Million, 1, MidpointRounding.AwayFromZero) * 100)];
        }

        return size >= TenThousand ? text["USD {0} ten thousand", Number(v / TenThousand)] : text["USD {0}", Number(v)];
    }

    /// <summary>The sources of a figure ("DP/2022/24 para 14"; several joined by "; ") with each place in the reader's language.</summary>
    public IHtmlContent Source(string sources) => SourceText.Html(sources, text);

    /// <summary><see cref="Source"/> as plain text, for chart data and attributes.</summary>
    public string SourcePlain(string sources) => SourceText.Plain(sources, text);

    /// <summary>"Source: DP/2022/24 第14段", the sources marked up as <see cref="Source"/> does.</summary>
    public IHtmlContent Sourced(string sources)
    {
        var template = text["Source: {0}"].Value;
        var at = template.IndexOf("{0}", StringComparison.Ordinal);
        return new HtmlContentBuilder(3).Append(template[..at]).AppendHtml(Source(sources)).Append(template[(at + 3)..]);
    }

    /// <summary>An Executive Board session in the reader's language, or as stored (marked English) when it cannot be read.</summary>
    public IHtmlContent Session(string session) => SessionText.Translate(session, text) is { } translated
        ? new HtmlContentBuilder(1).Append(translated)
        : new HtmlContentBuilder(3).AppendHtml("<span lang=\"en\">").Append(session).AppendHtml("</span>");

    /// <summary>A figure as the report words it: "more than 600", "about 1,800", "nearly 420,000".</summary>
    public string Value(decimal value, Unit unit, Qualifier qualifier) => qualifier switch
    {
        Qualifier.MoreThan => text["more than {0}", Value(value, unit)],
        Qualifier.Approximate => text["about {0}", Value(value, unit)],
        Qualifier.Nearly => text["nearly {0}", Value(value, unit)],
        _ => Value(value, unit),
    };

    /// <summary>
    /// The change from the year before: in percentage points for a share ("+2 points"), as a
    /// percentage of the earlier figure for a count or an amount ("+13.7%").
    /// </summary>
    public string Change(decimal current, decimal prior, Unit unit)
    {
        if (unit is Unit.Percent or Unit.PercentChange)
        {
            var points = current - prior;
            var signed = (points > 0 ? "+" : string.Empty) + Number(points);
            return text[Plural.Of(points, "{0} point", "{0} points"), signed];
        }

        if (prior == 0)
        {
            return (current - prior > 0 ? "+" : string.Empty) + Number(current - prior);
        }

        var percent = decimal.Round((current - prior) / prior * 100, 1, MidpointRounding.AwayFromZero);
        return (percent > 0 ? "+" : string.Empty) + Percent(percent);
    }

    /// <summary>The score as shown, in whole percent; "no score" when grey.</summary>
    public string Score(Score score) => score.WholePercent is { } whole ? Percent(whole) : text["no score"];

    public string Percent(decimal value) => string.Format(CultureInfo.CurrentCulture, "{0:#,0.##}%", value);

    /// <summary>A date as the reader's language writes it in full: "21 November 2026", "2026年11月21日".</summary>
    public string Date(DateOnly date) => date.ToString("D", CultureInfo.CurrentCulture);

    public string Number(decimal value) => value.ToString("#,0.####", CultureInfo.CurrentCulture);

    public string Rating(Rating rating) => Words.RatingName(rating, text);

    /// <summary>
    /// A rating as the pages show it: the colour always comes with its shape and its word, never
    /// alone. Built here rather than in a partial view: the indicator table shows hundreds of
    /// them, and a partial costs a view lookup each time.
    /// </summary>
    public IHtmlContent RatingBadge(Rating rating) => new HtmlContentBuilder(5)
        .AppendHtml("<span class=\"rating ")
        .Append(Words.RatingCss(rating))
        .AppendHtml("\"><span class=\"rating-icon\" aria-hidden=\"true\">")
        .Append(Words.RatingIcon(rating))
        .AppendHtml("</span> ")
        .Append(Rating(rating))
        .AppendHtml("</span>");

    public string NotRateable(NotRateableReason? reason) => reason switch
    {
        NotRateableReason.NoMilestone => text["No milestone was set."],
        NotRateableReason.NoResult => text["No result is available."],
        NotRateableReason.ZeroDivisor => text["The score would divide by zero."],
        NotRateableReason.NegativeFigure => text["A figure is negative."],
        _ => string.Empty,
    };

    /// <summary>"better", "worse", "same" (更好, 更差, 持平): the verdict on a result against the previous year's.</summary>
    public string ChangeName(ChangeVerdict verdict) => Words.ChangeName(verdict, text);

    /// <summary>The unit in words, for a definition change ("months" before, "a count" after).</summary>
    public string UnitName(Unit unit) => Words.UnitName(unit, text);

    /// <summary>The unit next to a figure or its input box: "% (0-100)", "USD", "working days".</summary>
    public string UnitLabel(Unit unit) => Words.UnitLabel(unit, text);

    /// <summary>How exact the report is: "exact", "about", "more than", "nearly".</summary>
    public string QualifierName(Qualifier qualifier) => Words.QualifierName(qualifier, text);

    public string Flag(ScoreFlag flag) => flag switch
    {
        ScoreDiffersFromPublished s => text[
            "The report printed {0}; the milestone and the result give {1}.",
            Percent(s.PublishedPercent),
            s.ComputedPercent is { } c ? Percent(c) : text["no score"]],
        RatingDiffersFromPublished r => text[
            "The report gave {0}; the score computed here is {1}.", Rating(r.Published), Rating(r.Computed)],
        _ => flag.Code,
    };
}
