using System.Text.RegularExpressions;

namespace UnvReporting.Web.Platform.Text;

/// <summary>
/// The Executive Board session a report went to, in the reader's language. The reference data
/// stores it as the English report writes it, "Executive Board, annual session 2022, 6 to 10 June
/// 2022, New York"; another language is composed from its parts (the session, the dates in the
/// culture's own date form, the place).
/// </summary>
public static partial class SessionText
{
    /// <summary>The session in the current language; <c>null</c> when it is not English and the text is not of the reports' shape.</summary>
    public static string? Translate(string session, IStringLocalizer<SharedResource> text)
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en")
        {
            return session;
        }

        var match = Session().Match(session.Trim());
        if (!match.Success || Dates(match.Groups["dates"].Value) is not { } dates || Place(match.Groups["place"].Value, text) is not { } place)
        {
            return null;
        }

        var year = match.Groups["year"].Value;
        var name = match.Groups["kind"].Value.ToLowerInvariant() switch
        {
            "annual" => text["annual session {0}", year],
            "first regular" => text["first regular session {0}", year],
            "second regular" => text["second regular session {0}", year],
            _ => text["third regular session {0}", year],
        };
        return text["Executive Board, {0}, {1}, {2}", name, DateRange(dates.From, dates.To, text), place];
    }

    /// <summary>"6 to 10 June 2022" as the culture writes a range: the end leaves out what it shares with the start.</summary>
    private static string DateRange(DateOnly from, DateOnly to, IStringLocalizer<SharedResource> text)
    {
        var culture = CultureInfo.CurrentCulture;
        var end = to.Month == from.Month
            ? to.Day.ToString(culture) + DaySuffix(culture)
            : to.ToString(culture.DateTimeFormat.MonthDayPattern, culture);
        // The long date without its weekday, which some cultures' patterns carry ("2022年6月6日星期一").
        var pattern = culture.DateTimeFormat.LongDatePattern.Replace("dddd", string.Empty, StringComparison.Ordinal).Trim(' ', ',');
        var start = from.ToString(pattern, culture);
        return text["{0} to {1}", start, end];
    }

    /// <summary>What follows a day's number in the culture's long date ("日" in Chinese, nothing in most others).</summary>
    private static string DaySuffix(CultureInfo culture)
    {
        var pattern = culture.DateTimeFormat.MonthDayPattern;
        var day = pattern.LastIndexOf('d');
        return day < 0 ? string.Empty : pattern[(day + 1)..].Trim('\'', ' ');
    }

    private static (DateOnly From, DateOnly To)? Dates(string dates)
    {
        var match = DateRangePattern().Match(dates);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var toMonth = Month(match.Groups["toMonth"].Value);
        var fromMonth = match.Groups["fromMonth"].Success ? Month(match.Groups["fromMonth"].Value) : toMonth;
        if (fromMonth is null || toMonth is null)
        {
            return null;
        }

        var fromDay = int.Parse(match.Groups["fromDay"].Value, CultureInfo.InvariantCulture);
        var toDay = int.Parse(match.Groups["toDay"].Value, CultureInfo.InvariantCulture);
        return fromDay > DateTime.DaysInMonth(year, fromMonth.Value) || toDay > DateTime.DaysInMonth(year, toMonth.Value)
            ? null
            : (new DateOnly(year, fromMonth.Value, fromDay), new DateOnly(year, toMonth.Value, toDay));
    }

    private static int? Month(string name)
    {
        var index = Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames, m => m.Equals(name, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + 1;
    }

    /// <summary>The Board meets in New York and, some years, in Geneva; another place is left untranslated.</summary>
    private static string? Place(string place, IStringLocalizer<SharedResource> text) => place.Trim() switch
    {
        "New York" => text["New York"].Value,
        "Geneva" => text["Geneva"].Value,
        _ => null,
    };

    [GeneratedRegex(@"^Executive Board, (?<kind>annual|first regular|second regular|third regular) session (?<year>\d{4}), (?<dates>[^,]+), (?<place>[^,]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Session();

    [GeneratedRegex(@"^(?<fromDay>\d{1,2})(?: (?<fromMonth>[A-Za-z]+))? to (?<toDay>\d{1,2}) (?<toMonth>[A-Za-z]+) (?<year>\d{4})$")]
    private static partial Regex DateRangePattern();
}
