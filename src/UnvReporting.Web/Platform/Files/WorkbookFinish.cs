using System.IO.Compression;
using System.Security;
using System.Text;

namespace UnvReporting.Web.Platform.Files;

/// <summary>A sheet as the finished workbook describes it: its place, name, and the range of its autofilter if it has one.</summary>
internal sealed record SheetLayout(int Index, string Name, string? FilterRange, bool RepeatHeader);

/// <summary>
/// What SpreadCheetah does not write, added while the drafted workbook is copied into the one that
/// is sent: every sheet prints landscape on A4, fitted to the page width, with page numbers, and a
/// table repeats its header row on each page; the hidden names that tell a spreadsheet program
/// which range each autofilter covers (<c>_xlnm._FilterDatabase</c>: Excel does without them,
/// LibreOffice shows no filter at all) and which rows to repeat (<c>_xlnm.Print_Titles</c>).
/// The copy goes part by part and each sheet as a stream of text, so memory stays flat whatever
/// the number of rows (docs/performance.md has what the copy costs).
/// </summary>
internal static class WorkbookFinish
{
    private const string WorkbookPart = "xl/workbook.xml";
    private const string SheetEnd = "</worksheet>";

    // Fit to the page width, as many pages down as the rows need (fitToHeight 0); paper size 9 is A4.
    private const string SheetProperties = "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>";
    private const string PageSetup =
        "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>" +
        "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>" +
        "<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>";

    public static async Task CopyAsync(Stream draft, Stream output, IReadOnlyList<SheetLayout> sheets, CancellationToken cancellationToken)
    {
        draft.Position = 0;
        await using var source = await ZipArchive.CreateAsync(draft, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        await using var target = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Fastest);
            await using var read = await entry.OpenAsync(cancellationToken);
            await using var write = await copy.OpenAsync(cancellationToken);
            if (entry.FullName == WorkbookPart)
            {
                await WorkbookAsync(read, write, sheets, cancellationToken);
            }
            else if (entry.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal))
            {
                await SheetAsync(read, write, cancellationToken);
            }
            else
            {
                await read.CopyToAsync(write, cancellationToken);
            }
        }
    }

    /// <summary>The sheet's text with its print properties first and its page set-up last, streamed through a small window.</summary>
    private static async Task SheetAsync(Stream read, Stream write, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(read, Encoding.UTF8);
        await using var writer = new StreamWriter(write, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024);
        var buffer = new char[64 * 1024];
        var pending = new StringBuilder();
        var started = false;
        int count;
        while ((count = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            pending.Append(buffer, 0, count);
            if (!started)
            {
                var element = pending.ToString().IndexOf("<worksheet", StringComparison.Ordinal);
                var end = element < 0 ? -1 : pending.ToString().IndexOf('>', element);
                if (end < 0)
                {
                    continue;
                }

                pending.Insert(end + 1, SheetProperties);
                started = true;
            }

            // Everything but a tail that may hold the end tag goes out now.
            var keep = Math.Min(pending.Length, SheetEnd.Length + 16);
            await writer.WriteAsync(pending.ToString(0, pending.Length - keep).AsMemory(), cancellationToken);
            pending.Remove(0, pending.Length - keep);
        }

        var tail = pending.ToString();
        var at = tail.LastIndexOf(SheetEnd, StringComparison.Ordinal);
        if (!started || at < 0)
        {
            throw new InvalidOperationException("A drafted sheet is not a complete worksheet.");
        }

        await writer.WriteAsync(tail.Insert(at, PageSetup).AsMemory(), cancellationToken);
    }

    /// <summary>The workbook part with the filter and print-title names, in the names it has if any, else after the list of sheets.</summary>
    private static async Task WorkbookAsync(Stream read, Stream write, IReadOnlyList<SheetLayout> sheets, CancellationToken cancellationToken)
    {
        string xml;
        using (var reader = new StreamReader(read, Encoding.UTF8))
        {
            xml = await reader.ReadToEndAsync(cancellationToken);
        }

        var names = new StringBuilder();
        foreach (var sheet in sheets)
        {
            var quoted = $"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'";
            if (sheet.FilterRange is { } range)
            {
                names.Append($"<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{sheet.Index}\" hidden=\"1\">{SecurityElement.Escape($"{quoted}!{Absolute(range)}")}</definedName>");
            }

            if (sheet.RepeatHeader)
            {
                names.Append($"<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{sheet.Index}\">{SecurityElement.Escape($"{quoted}!$1:$1")}</definedName>");
            }
        }

        await using var writer = new StreamWriter(write, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await writer.WriteAsync(Insert(xml, names.ToString()).AsMemory(), cancellationToken);
    }

    private static string Insert(string xml, string names)
    {
        const string Existing = "<definedNames>";
        const string Sheets = "</sheets>";
        if (names.Length == 0)
        {
            return xml;
        }

        var at = xml.IndexOf(Existing, StringComparison.Ordinal);
        if (at >= 0)
        {
            return xml.Insert(at + Existing.Length, names);
        }

        at = xml.IndexOf(Sheets, StringComparison.Ordinal);
        return at >= 0
            ? xml.Insert(at + Sheets.Length, $"<definedNames>{names}</definedNames>")
            : throw new InvalidOperationException($"{WorkbookPart} has no list of sheets to put the names after.");
    }

    /// <summary>A1:M20001 → $A$1:$M$20001, as Excel writes these names.</summary>
    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(cell =>
            $"${new string(cell.TakeWhile(char.IsLetter).ToArray())}${new string(cell.SkipWhile(char.IsLetter).ToArray())}"));
}
