namespace UnvReporting.Domain.Statistics;

/// <summary>
/// A way a statistic is broken down (<c>entity</c>, <c>region</c>, <c>age_band</c>), with the
/// members it can take. Members are keyed by a short English label ("UNDP", "Africa").
/// </summary>
public sealed class Dimension
{
    private readonly List<DimensionMember> _members = [];

    public Dimension(string key, string nameEn, string nameZh)
    {
        Key = Metric.CheckKey(key, $"Dimension key");
        NameEn = Guard.Required(nameEn, nameof(NameEn), $"English name", 120);
        NameZh = Guard.Required(nameZh, nameof(NameZh), $"Chinese name", 120);
    }

    private Dimension()
    {
        Key = NameEn = NameZh = string.Empty;
    }

    public string Key { get; private set; }

    public string NameEn { get; private set; }

    public string NameZh { get; private set; }

    public IReadOnlyCollection<DimensionMember> Members => _members.AsReadOnly();

    public DimensionMember AddMember(string key, string nameEn, string nameZh)
    {
        var member = new DimensionMember(Key, key, nameEn, nameZh);
        if (_members.Any(m => string.Equals(m.Key, member.Key, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException(nameof(DimensionMember.Key), $"Dimension {Key} already has a member '{member.Key}'.");
        }

        _members.Add(member);
        return member;
    }
}

public sealed class DimensionMember
{
    public const int MaxKeyLength = 80;

    internal DimensionMember(string dimensionKey, string key, string nameEn, string nameZh)
    {
        DimensionKey = dimensionKey;
        Key = Guard.Required(key, nameof(Key), $"Member key", MaxKeyLength);
        NameEn = Guard.Required(nameEn, nameof(NameEn), $"English name", 160);
        NameZh = Guard.Required(nameZh, nameof(NameZh), $"Chinese name", 160);
    }

    private DimensionMember()
    {
        DimensionKey = Key = NameEn = NameZh = string.Empty;
    }

    public string DimensionKey { get; private set; }

    public string Key { get; private set; }

    public string NameEn { get; private set; }

    public string NameZh { get; private set; }
}
