using Microsoft.AspNetCore.Html;

namespace UnvReporting.Web.Platform.Text;

/// <summary>
/// An audit entry in the reader's language. The log stores what the code knows, as the code
/// names it: the subject ("indicator-year"), the property ("Definition.TitleEn"), the value as
/// stored ("HigherIsBetter", "False") and, for a record added or deleted, all of them as
/// "Name=Value; Name=Value". These turn each into words; a name none of them knows is shown as
/// stored, in <c>code</c>, so the log never hides what changed.
/// </summary>
public static class AuditText
{
    public static string Action(AuditAction action, IStringLocalizer<SharedResource> text) => text[action switch
    {
        AuditAction.Added => "added",
        AuditAction.Deleted => "deleted",
        _ => "changed",
    }];

    public static string Subject(string subject, IStringLocalizer<SharedResource> text) => subject switch
    {
        "indicator-year" => text["indicator year"],
        "statistic" => text["Statistic"],
        "reporting-year" => text["reporting year"],
        "framework" => text["Framework"],
        "result-area" => text["Result area"],
        "indicator" => text["Indicator"],
        "account" => text["account"],
        _ => subject.Replace('-', ' '),
    };

    /// <summary>A stored property name in words; <c>null</c> for one this list does not know.</summary>
    public static string? Field(string field, IStringLocalizer<SharedResource> text) => FieldName(field, text)?.Value;

    private static LocalizedString? FieldName(string field, IStringLocalizer<SharedResource> text) => field switch
    {
        "Definition.TitleEn" or "TitleEn" => text["English title"],
        "Definition.TitleZh" or "TitleZh" => text["Chinese title"],
        "Source.DocumentSymbol" => text["Source document"],
        "Source.Locator" => text["Source paragraph or table"],
        "Bands.GreenFrom" => text["Green from (%)"],
        "Bands.YellowFrom" => text["Yellow from (%)"],
        _ => (field.Contains('.', StringComparison.Ordinal) ? field[(field.LastIndexOf('.') + 1)..] : field) switch
        {
            "Unit" => text["Unit"],
            "Direction" => text["Direction"],
            "IsCumulative" => text["cumulative"],
            "CodeAsPublished" => text["Code as published"],
            "IndicatorId" => text["Indicator"],
            "FrameworkId" => text["Framework"],
            "AreaId" => text["Result area"],
            "ParentId" => text["Under outcome"],
            "Milestone" => text["Milestone"],
            "Result" => text["Result"],
            "Status" => text["Status"],
            "Year" => text["Year"],
            "Key" => text["Key"],
            "Code" => text["Code"],
            "Kind" => text["Kind"],
            "SortOrder" => text["Sort order"],
            "Value" => text["Value"],
            "Qualifier" => text["How exact"],
            "Note" => text["Note"],
            "MetricKey" => text["Metric"],
            "Dimension" or "DimensionKey" => text["Breakdown"],
            "Member" => text["Member"],
            "NarrativeEn" => text["English narrative"],
            "NarrativeZh" => text["Chinese narrative"],
            "MissingDataReason" => text["Why there is no data"],
            "PublishedRating" => text["Colour as published"],
            "PublishedScorePercent" => text["Score as published (%)"],
            "PublishedRatingBasis" => text["How the published colour is known"],
            "ReturnComment" => text["Comment on returning"],
            "RevisionReason" => text["Reason for the revision"],
            "RevisedOn" => text["Revised on"],
            "IssuedOn" => text["Issued on"],
            "Session" => text["Session"],
            "Symbol" or "DocumentSymbol" => text["Document symbol"],
            "Locator" => text["Paragraph or table"],
            "Edition" => text["Edition"],
            "BaselineValue" => text["Baseline"],
            "BaselineYear" => text["Baseline year"],
            "EndTarget" => text["End target"],
            "StartYear" => text["First year"],
            "EndYear" => text["Last year"],
            "TargetPercent" => text["Target (%)"],
            "PercentOfTarget" => text["Percent of target"],
            "FromYear" => text["From year"],
            "ToYear" => text["To year"],
            "DataSource" => text["Data source"],
            "DescriptionEn" => text["English description"],
            "NameEn" => text["English name"],
            "NameZh" => text["Chinese name"],
            "TextEn" => text["English text"],
            "TextZh" => text["Chinese text"],
            "Green" => text["Green"],
            "Yellow" => text["Yellow"],
            "Red" => text["Red"],
            "Grey" => text["Grey"],
            "DisplayName" => text["Display name"],
            "Role" => text["Role"],
            "IsDisabled" => text["Disabled"],
            "LockoutEnd" => text["Locked until"],
            _ => null,
        },
    };

    /// <summary>The field of an entry: nothing for a whole record added or deleted ("*").</summary>
    public static IHtmlContent FieldHtml(string field, IStringLocalizer<SharedResource> text) =>
        field == "*" ? HtmlString.Empty : Field(field, text) is { } name ? new HtmlContentBuilder(1).Append(name) : Code(field);

    /// <summary>
    /// A stored value in words where it is one of the product's own values (an enum, a yes/no);
    /// a record's summary ("Name=Value; ...") field by field; any other text is what staff typed,
    /// marked English when it reads as English so that it is not mistaken for the interface.
    /// </summary>
    public static IHtmlContent Value(string field, string? value, IStringLocalizer<SharedResource> text)
    {
        if (value is null)
        {
            return new HtmlString("–");
        }

        if (field != "*")
        {
            return Plain(field, value, text);
        }

        var html = new HtmlContentBuilder();
        var first = true;
        foreach (var pair in value.Split("; "))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            html.Append(first ? string.Empty : text["; "]);
            first = false;
            if (equals <= 0)
            {
                html.AppendHtml(Data(pair));
                continue;
            }

            var name = pair[..equals];
            html.AppendHtml(FieldHtml(name, text)).Append(text["="]).AppendHtml(Plain(name, pair[(equals + 1)..], text));
        }

        return html;
    }

    private static IHtmlContent Plain(string field, string value, IStringLocalizer<SharedResource> text)
    {
        var name = field.Contains('.', StringComparison.Ordinal) ? field[(field.LastIndexOf('.') + 1)..] : field;
        string? words = name switch
        {
            "Unit" when Enum.TryParse<Unit>(value, out var unit) => Words.UnitName(unit, text),
            "Direction" when Enum.TryParse<Direction>(value, out var direction) => text[direction == Direction.LowerIsBetter ? "lower is better" : "higher is better"],
            "Status" when Enum.TryParse<ReportingStatus>(value, out var status) => Words.StatusName(status, text),
            "Kind" when Enum.TryParse<ResultAreaKind>(value, out var kind) => Words.LevelName(kind, text),
            "Qualifier" when Enum.TryParse<Qualifier>(value, out var qualifier) => Words.QualifierName(qualifier, text),
            "PublishedRating" when Enum.TryParse<Rating>(value, out var rating) => Words.RatingName(rating, text),
            "PublishedRatingBasis" => value == nameof(PublishedRatingBasis.StatedInText) ? text["stated in the text"] : text["read from the published score"],
            "Role" when Enum.TryParse<Domain.Staff.StaffRole>(value, out var role) => Words.RoleName(role, text),
            _ when bool.TryParse(value, out var yes) => text[yes ? "yes" : "no"],
            _ => null,
        };
        return words is null ? Data(value) : new HtmlContentBuilder(1).Append(words);
    }

    /// <summary>The reason staff gave, as they typed it.</summary>
    public static IHtmlContent Reason(string? reason) => reason is null ? HtmlString.Empty : Data(reason);

    /// <summary>Staff's own text: marked English when it has Latin letters and no Chinese, so screen readers and the page's language check read it as data.</summary>
    private static IHtmlContent Data(string value) =>
        Localization.LanguageOf(value) == "en"
            ? new HtmlContentBuilder(3).AppendHtml("<span lang=\"en\">").Append(value).AppendHtml("</span>")
            : new HtmlContentBuilder(1).Append(value);

    private static IHtmlContent Code(string name) =>
        new HtmlContentBuilder(3).AppendHtml("<code>").Append(name).AppendHtml("</code>");
}
