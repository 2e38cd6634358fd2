namespace UnvReporting.Domain;

/// <summary>
/// Several messages given as one argument of another ("cannot be published yet: Indicator 1.1 has
/// no milestone. Indicator 1.2 has …"), each kept whole so it is translated on its own.
/// </summary>
public sealed record Sentences(IReadOnlyList<FormattableString> Items)
{
    public override string ToString() => string.Join(" ", Items.Select(i => i.ToString()));
}
