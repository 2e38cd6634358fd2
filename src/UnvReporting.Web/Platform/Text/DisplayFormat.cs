using Microsoft.AspNetCore.Html;

namespace UnvReporting.Web.Platform.Text;

/// <summary>
/// How figures read on a page, by unit and in the current culture: "53%", "493,811",
/// "USD 221.3 million", "45 days". Exports and the API carry raw numbers instead.
/// </summary>
public sealed class DisplayFormat(IStringLocalizer<SharedResource> text)
{
    private const decimal Million = 1_000_000m;

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
            Unit.Usd when Math.Abs(v) >= Million => text["USD {0} million", Number(decimal.Round(v / Million, 1, MidpointRounding.AwayFromZero))],
            Unit.Usd => text["USD {0}", Number(v)],
            Unit.WorkingDays => text["{0} days", Number(v)],
            Unit.Years => text["{0} years", Number(v)],
            Unit.Months => text["{0} months", Number(v)],
            _ => Number(v),
        };
    }

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
