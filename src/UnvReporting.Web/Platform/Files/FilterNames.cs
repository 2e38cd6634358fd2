using System.IO.Compression;
using System.Security;
using System.Text;

namespace UnvReporting.Web.Platform.Files;

/// <summary>
/// The hidden names that tell a spreadsheet program which range a sheet's autofilter covers
/// (<c>_xlnm._FilterDatabase</c>), added to a finished workbook. SpreadCheetah writes the
/// filter into the sheet but not these names; Excel does without them, LibreOffice shows no
/// filter at all. The workbook part is small and comes after the sheets in the zip, so .NET
/// rewrites only the parts from there on, and the sheets stay where they are on disk.
/// </summary>
internal static class FilterNames
{
    private const string WorkbookPart = "xl/workbook.xml";

    public static async Task AddAsync(Stream workbook, IReadOnlyList<(int SheetIndex, string SheetName, string Range)> filters, CancellationToken cancellationToken)
    {
        var names = new StringBuilder();
        foreach (var (index, sheet, range) in filters)
        {
            var reference = $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'!{Absolute(range)}";
            names.Append($"<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{index}\" hidden=\"1\">{SecurityElement.Escape(reference)}</definedName>");
        }

        workbook.Position = 0;
        await using var zip = await ZipArchive.CreateAsync(workbook, ZipArchiveMode.Update, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        var entry = zip.GetEntry(WorkbookPart) ?? throw new InvalidOperationException($"The workbook has no {WorkbookPart}.");
        string xml;
        await using (var read = await entry.OpenAsync(cancellationToken))
        using (var reader = new StreamReader(read, Encoding.UTF8))
        {
            xml = await reader.ReadToEndAsync(cancellationToken);
        }

        xml = Insert(xml, names.ToString());
        await using var write = await entry.OpenAsync(cancellationToken);
        write.SetLength(0);
        await write.WriteAsync(Encoding.UTF8.GetBytes(xml), cancellationToken);
    }

    /// <summary>Into the workbook's names if it has some, else as its names, which follow the list of sheets.</summary>
    private static string Insert(string xml, string names)
    {
        const string Existing = "<definedNames>";
        const string Sheets = "</sheets>";
        var at = xml.IndexOf(Existing, StringComparison.Ordinal);
        if (at >= 0)
        {
            return xml.Insert(at + Existing.Length, names);
        }

        at = xml.IndexOf(Sheets, StringComparison.Ordinal);
        return at >= 0
            ? xml.Insert(at + Sheets.Length, $"<definedNames>{names}</definedNames>")
            : throw new InvalidOperationException($"{WorkbookPart} has no list of sheets to put the filter names after.");
    }

    /// <summary>A1:M20001 → $A$1:$M$20001, as Excel writes these names.</summary>
    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(cell =>
            $"${new string(cell.TakeWhile(char.IsLetter).ToArray())}${new string(cell.SkipWhile(char.IsLetter).ToArray())}"));
}
