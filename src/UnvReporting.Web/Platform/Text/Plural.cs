namespace UnvReporting.Web.Platform.Text;

/// <summary>
/// Picks the English form of a text by its count: "1 indicator", "2 indicators", "0 indicators".
/// Both forms are keys of the shared resources, so the call reads
/// <c>L[Plural.Of(n, "{0} indicator", "{0} indicators"), n]</c> and the resource scan sees both;
/// Chinese has no plural, so both keys carry the same translation. Every count that readers and
/// staff read goes through here, never "indicator(s)" (log templates, read by operators, keep theirs).
/// </summary>
public static class Plural
{
    public static string Of(decimal count, string one, string other) => count is 1 or -1 ? one : other;
}
