using UnvReporting.Domain.Auditing;

namespace UnvReporting.Domain.Tests.Auditing;

public class AuditEntryTests
{
    private static readonly DateTimeOffset At = new(2022, 3, 21, 9, 30, 0, TimeSpan.Zero);

    private static AuditEntry Change(
        string? oldValue = "1000000",
        string? newValue = "1663729",
        string userName = "editor@unv.example",
        string subject = "indicator-year",
        string subjectKey = "2021 1.2",
        string field = "Result",
        string? reason = null) =>
        new(At, "user-1", userName, AuditAction.Changed, subject, subjectKey, 2021, "1.2", field, oldValue, newValue, reason);

    [Fact]
    public void Records_who_changed_what_when_from_what_to_what_and_why()
    {
        var entry = Change(reason: "Corrected per para 14.");

        entry.At.ShouldBe(At);
        entry.UserId.ShouldBe("user-1");
        entry.UserName.ShouldBe("editor@unv.example");
        entry.Action.ShouldBe(AuditAction.Changed);
        entry.Subject.ShouldBe("indicator-year");
        entry.SubjectKey.ShouldBe("2021 1.2");
        entry.Year.ShouldBe(2021);
        entry.IndicatorKey.ShouldBe("1.2");
        entry.Field.ShouldBe("Result");
        entry.OldValue.ShouldBe("1000000");
        entry.NewValue.ShouldBe("1663729");
        entry.Reason.ShouldBe("Corrected per para 14.");
    }

    [Fact]
    public void A_change_by_the_system_has_a_name_but_no_account()
    {
        var entry = new AuditEntry(At, null, "reference data", AuditAction.Added, "statistic", "2021 deployments entity=UNDP", 2021, null, "*", null, "2671", null);

        entry.UserId.ShouldBeNull();
        entry.UserName.ShouldBe("reference data");
        entry.IndicatorKey.ShouldBeNull();
    }

    [Fact]
    public void A_row_added_has_no_old_value_and_a_row_deleted_no_new_one()
    {
        Change(oldValue: null).OldValue.ShouldBeNull();
        Change(newValue: null).NewValue.ShouldBeNull();
    }

    [Theory]
    [InlineData("User", "UserName")]
    [InlineData("Subject", "Subject")]
    [InlineData("Subject key", "SubjectKey")]
    [InlineData("Field", "Field")]
    public void Who_what_and_which_field_are_required_and_named_when_missing(string field, string key) =>
        Refusal.Of(key, () => Change(
                userName: field == "User" ? " " : "editor@unv.example",
                subject: field == "Subject" ? "" : "indicator-year",
                subjectKey: field == "Subject key" ? "  " : "2021 1.2",
                field: field == "Field" ? "" : "Result"))
            .Message.ShouldContain(field);

    [Fact]
    public void A_blank_reason_is_stored_as_none() => Change(reason: "   ").Reason.ShouldBeNull();

    [Fact]
    public void A_reason_longer_than_its_column_is_refused_by_name() =>
        Refusal.Of("Reason", () => Change(reason: new string('r', 2001)))
            .Message.ShouldContain("Reason");

    [Fact]
    public void Values_up_to_the_column_length_are_kept_whole()
    {
        var narrative = new string('n', AuditEntry.MaxValueLength);

        Change(oldValue: narrative).OldValue.ShouldBe(narrative);
    }

    [Fact]
    public void Longer_values_are_clipped_to_the_column_with_an_ellipsis_rather_than_refused()
    {
        var longNarrative = new string('a', 3000) + new string('b', 2000);

        var entry = Change(oldValue: longNarrative, newValue: longNarrative + "c");

        entry.OldValue.ShouldNotBeNull().Length.ShouldBe(AuditEntry.MaxValueLength);
        entry.OldValue.ShouldBe(longNarrative[..(AuditEntry.MaxValueLength - 1)] + "…");
        entry.NewValue.ShouldBe(entry.OldValue);
    }

    [Fact]
    public void Clipping_never_splits_a_character_outside_the_basic_plane()
    {
        // "😀" is two chars; the plain cut falls between them.
        var beforeTheCut = new string('a', AuditEntry.MaxValueLength - 2);
        var narrative = beforeTheCut + "😀" + new string('b', 100);

        var clipped = Change(oldValue: narrative).OldValue.ShouldNotBeNull();

        PlainText.FirstInvisible(clipped).ShouldBeNull();
        clipped.ShouldBe(beforeTheCut + "…");
    }
}
