namespace UnvReporting.Domain.Results;

/// <summary>
/// An outcome, an output under an outcome, or institutional effectiveness, within one framework.
/// Titles: Chinese as published, English ours.
/// </summary>
public sealed partial class ResultArea
{
    public ResultArea(int frameworkId, string code, ResultAreaKind kind, ResultArea? parent, string titleEn, string titleZh, int sortOrder)
    {
        if (kind == ResultAreaKind.Output && parent is not { Kind: ResultAreaKind.Outcome })
        {
            throw new DomainException(nameof(Parent), $"Output {code} must sit under an outcome.");
        }

        if (kind != ResultAreaKind.Output && parent is not null)
        {
            throw new DomainException(nameof(Parent), $"Only outputs sit under another result area ({code} is {kind}).");
        }

        FrameworkId = frameworkId;
        Code = Guard.Required(code, nameof(Code), $"Result area code", 10);
        if (!CodePattern().IsMatch(Code))
        {
            throw new DomainException(nameof(Code), $"Result area code '{Code}' must be letters and digits, parts separated by dots, such as 1, 1.1 or IE.");
        }
        Kind = kind;
        Parent = parent;
        TitleEn = Guard.Required(titleEn, nameof(TitleEn), $"English title", 400);
        TitleZh = Guard.Required(titleZh, nameof(TitleZh), $"Chinese title", 400);
        SortOrder = sortOrder;
    }

    private ResultArea()
    {
        Code = TitleEn = TitleZh = string.Empty;
    }

    public int Id { get; private set; }

    public int FrameworkId { get; private set; }

    /// <summary>"1", "2" for outcomes, "1.1" for outputs, "IE" for institutional effectiveness.</summary>
    public string Code { get; private set; }

    public ResultAreaKind Kind { get; private set; }

    public int? ParentId { get; private set; }

    public ResultArea? Parent { get; private set; }

    public string TitleEn { get; private set; }

    public string TitleZh { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>An Admin's correction of the titles; the code, kind and place in the framework stay.</summary>
    public void Rename(string titleEn, string titleZh)
    {
        var en = Guard.Required(titleEn, nameof(TitleEn), $"English title", 400);
        var zh = Guard.Required(titleZh, nameof(TitleZh), $"Chinese title", 400);
        TitleEn = en;
        TitleZh = zh;
    }

    /// <summary>Changes the area's place in the framework's lists; its code, kind and parent stay.</summary>
    public void Reorder(int sortOrder) => SortOrder = sortOrder;

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CodePattern();
}
