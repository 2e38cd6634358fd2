namespace UnvReporting.Domain;

/// <summary>The unit of a milestone, result or statistic. Drives formatting and validation.</summary>
public enum Unit
{
    /// <summary>A number of things: volunteers, countries, schemes.</summary>
    Count,

    /// <summary>A share, 0 to 100 (53 means 53%).</summary>
    Percent,

    /// <summary>A change against the year before, in percent; may be negative (-4 means down 4%).</summary>
    PercentChange,

    /// <summary>Volunteer months.</summary>
    Months,

    /// <summary>United States dollars.</summary>
    Usd,

    /// <summary>Working days (recruitment and deployment times).</summary>
    WorkingDays,

    /// <summary>Years of age.</summary>
    Years,
}

public static class UnitRules
{
    /// <summary>
    /// The largest value any unit accepts. Far above any real UNV figure (USD 270 million in 2021)
    /// and inside the numeric(18,4) columns, so a typo of several extra digits is refused.
    /// </summary>
    public const decimal MaxMagnitude = 100_000_000_000m;

    /// <summary>Decimal places every database stores exactly (PostgreSQL numeric(18,4)).</summary>
    public const int MaxDecimalPlaces = 4;

    /// <summary>Refuses a value its unit cannot take: the refusal carries <paramref name="field"/>, its message names <paramref name="label"/>.</summary>
    public static decimal Check(this Unit unit, decimal value, string field, FormattableString label)
    {
        if (decimal.Round(value, MaxDecimalPlaces) != value)
        {
            throw new DomainException(field, $"{label} can have at most {MaxDecimalPlaces} decimal places (got {value}).");
        }

        switch (unit)
        {
            case Unit.Percent when value is < 0 or > 100:
                throw new DomainException(field, $"{label} is a share and must be between 0 and 100 (got {value}).");
            case Unit.PercentChange when value is < -100 or > 100_000:
                throw new DomainException(field, $"{label} is a change in percent and must be between -100 and 100000 (got {value}).");
            case not Unit.Percent and not Unit.PercentChange when value < 0:
                throw new DomainException(field, $"{label} cannot be negative (got {value}).");
            case not Unit.Percent and not Unit.PercentChange when value > MaxMagnitude:
                throw new DomainException(field, $"{label} is implausibly large (got {value}).");
            default:
                return value;
        }
    }
}
