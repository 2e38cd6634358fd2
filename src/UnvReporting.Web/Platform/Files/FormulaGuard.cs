namespace UnvReporting.Web.Platform.Files;

/// <summary>
/// Spreadsheet programs run a cell text that starts with = + - @ (or a tab or carriage return
/// before one) as a formula, so a title typed as "=HYPERLINK(...)" could act when a reader opens
/// an export or a template. Such texts are written behind an apostrophe, which the programs show
/// as plain text; numbers are never passed through here and stay numbers.
/// </summary>
public static class FormulaGuard
{
    public static string Neutralise(string text) =>
        text.Length > 0 && StartsAFormula(text[0]) ? "'" + text : text;

    /// <summary>The other direction of <see cref="Neutralise"/>, for files that come back to be imported.</summary>
    public static string Restore(string text) =>
        text.Length > 1 && text[0] == '\'' && StartsAFormula(text[1]) ? text[1..] : text;

    private static bool StartsAFormula(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
