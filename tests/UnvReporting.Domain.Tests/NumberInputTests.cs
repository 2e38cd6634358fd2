using System.Globalization;

namespace UnvReporting.Domain.Tests;

public class NumberInputTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    private static decimal? Read(string? text, Unit unit, CultureInfo culture)
    {
        NumberInput.TryParse(text, unit, culture, $"Result", out var value, out var error).ShouldBeTrue(error?.ToString());
        return value;
    }

    private static string Refuse(string? text, Unit unit, CultureInfo culture)
    {
        NumberInput.TryParse(text, unit, culture, $"Result", out _, out var error).ShouldBeFalse();
        return error.ShouldNotBeNull().ToString();
    }

    [Theory]
    [InlineData("1,663,729")]
    [InlineData("1 663 729")]
    [InlineData("1\u00A0663\u00A0729")]
    [InlineData("1\u202F663\u202F729")]
    [InlineData("1663729")]
    [InlineData("  1663729  ")]
    public void Reads_whole_numbers_with_or_without_thousands_separators(string text) =>
        Read(text, Unit.Count, English).ShouldBe(1_663_729m);

    [Fact]
    public void Reads_the_same_in_Chinese_formatting() =>
        Read("1,663,729.5", Unit.Usd, Chinese).ShouldBe(1_663_729.5m);

    [Fact]
    public void Reads_a_French_decimal_comma_and_space_groups() =>
        Read("1 663 729,25", Unit.Usd, French).ShouldBe(1_663_729.25m);

    [Theory]
    [InlineData("53%", 53)]
    [InlineData("53 %", 53)]
    [InlineData("53", 53)]
    [InlineData("99.5%", 99.5)]
    public void Reads_shares_with_or_without_the_percent_sign(string text, double expected) =>
        Read(text, Unit.Percent, English).ShouldBe((decimal)expected);

    [Fact]
    public void Reads_a_negative_change() => Read("-4%", Unit.PercentChange, English).ShouldBe(-4m);

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    [InlineData("fr")]
    [InlineData("de-CH")]
    [InlineData("sv")]
    [InlineData("he")]
    [InlineData("ar")]
    [InlineData("fa")]
    public void Reads_back_a_figure_as_the_culture_writes_it(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);

        Read((-4.25m).ToString("N2", culture), Unit.PercentChange, culture).ShouldBe(-4.25m);
        Read(1_663_729.5m.ToString("N1", culture), Unit.Usd, culture).ShouldBe(1_663_729.5m);
    }

    [Theory]
    [InlineData("-4")]
    [InlineData("\u22124")]
    public void A_hyphen_or_a_minus_sign_is_read_as_minus_whatever_the_culture_writes(string text)
    {
        foreach (var name in new[] { "en", "sv", "he" })
        {
            Read(text, Unit.PercentChange, CultureInfo.GetCultureInfo(name)).ShouldBe(-4m, name);
        }
    }

    [Fact]
    public void Spaces_group_thousands_even_in_a_culture_without_a_group_mark()
    {
        var noGroupMark = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        noGroupMark.NumberFormat.NumberGroupSeparator = string.Empty;

        Read("1 663 729", Unit.Count, noGroupMark).ShouldBe(1_663_729m);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_empty_entry_means_no_figure(string? text) => Read(text, Unit.Count, English).ShouldBeNull();

    [Fact]
    public void A_comma_that_is_not_a_thousands_separator_is_refused_not_guessed() =>
        Refuse("1,5", Unit.Count, English).ShouldBe("Result: '1,5' is not a number as written in English (for example 1,663,729.5).");

    [Theory]
    [InlineData("12,34,567")]
    [InlineData("1.663.729")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e309")]
    [InlineData("0x10")]
    [InlineData("１２")]
    [InlineData("12abc")]
    [InlineData("--5")]
    [InlineData(".")]
    [InlineData("5.")]
    [InlineData("=1+1")]
    public void Refuses_what_is_not_a_number(string text) =>
        Refuse(text, Unit.Count, English).ShouldStartWith("Result: '");

    [Fact]
    public void A_share_above_one_hundred_is_refused() =>
        Refuse("101%", Unit.Percent, English).ShouldBe("Result is a share and must be between 0 and 100 (got 101).");

    [Theory]
    [InlineData(Unit.Count, "a count")]
    [InlineData(Unit.Months, "a number of months")]
    [InlineData(Unit.Usd, "an amount in US dollars")]
    [InlineData(Unit.WorkingDays, "a number of working days")]
    [InlineData(Unit.Years, "a number of years")]
    public void A_percent_sign_on_another_unit_is_refused_saying_what_the_unit_is(Unit unit, string description) =>
        Refuse("50%", unit, English).ShouldBe($"Result is {description}, not a percentage: leave out the % sign.");

    [Fact]
    public void A_negative_count_is_refused() =>
        Refuse("-3", Unit.Count, English).ShouldBe("Result cannot be negative (got -3).");

    [Fact]
    public void An_implausible_magnitude_is_refused() =>
        Refuse("999,999,999,999", Unit.Usd, English).ShouldBe("Result is implausibly large (got 999999999999).");

    [Fact]
    public void Thirty_nines_overflow_into_a_message_not_an_exception() =>
        Refuse(new string('9', 35), Unit.Usd, English).ShouldBe("Result is implausibly large.");

    [Fact]
    public void Forty_characters_are_still_read() =>
        Read(new string('0', 36) + "1663", Unit.Count, English).ShouldBe(1663m);

    [Fact]
    public void Very_long_input_is_refused_before_reading() =>
        Refuse(new string('1', 41), Unit.Count, English).ShouldBe("Result is too long to be a figure.");

    [Fact]
    public void A_fraction_too_fine_for_a_decimal_is_refused_not_read_as_zero() =>
        Refuse("0." + new string('0', 31) + "1", Unit.Usd, English).ShouldBe($"Result can have at most 4 decimal places (got 0.{new string('0', 31)}1).");

    [Theory]
    [InlineData("53", 53)]
    [InlineData("-4.5", -4.5)]
    [InlineData("5.3e1", 53)]
    [InlineData("5300E-2", 53)]
    [InlineData("1.5e-3", 0.0015)]
    [InlineData("1.50000", 1.5)]
    [InlineData("0e-400", 0)]
    [InlineData("100000000000", 100000000000)]
    public void Reads_a_number_as_a_program_writes_it_exactly(string text, double expected)
    {
        NumberInput.TryParseExact(text, $"result", out var value, out var error).ShouldBeTrue(error?.ToString());
        value.ShouldBe((decimal)expected);
    }

    [Theory]
    [InlineData("1e-400", "result can have at most 4 decimal places (got 1e-400).")]
    [InlineData("0.00001", "result can have at most 4 decimal places (got 0.00001).")]
    [InlineData("1e-5", "result can have at most 4 decimal places (got 1e-5).")]
    [InlineData("1E-99999999999999", "result can have at most 4 decimal places (got 1E-99999999999999).")]
    [InlineData("1e400", "result is implausibly large.")]
    [InlineData("1e99999999999999", "result is implausibly large.")]
    [InlineData("99999999999999999999999999999", "result is implausibly large.")]
    [InlineData("1.", "result: '1.' is not a number.")]
    [InlineData("1e", "result: '1e' is not a number.")]
    [InlineData("0x10", "result: '0x10' is not a number.")]
    public void Refuses_a_number_it_cannot_hold_exactly(string text, string message)
    {
        NumberInput.TryParseExact(text, $"result", out _, out var error).ShouldBeFalse();
        error?.ToString().ShouldBe(message);
    }
}
