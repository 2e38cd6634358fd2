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
    private static readonly byte[] SheetEnd = "</worksheet>"u8.ToArray();

    // Fit to the page width, as many pages down as the rows need (fitToHeight 0); paper size 9 is A4.
    private static readonly byte[] SheetProperties = "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"u8.ToArray();
    private static readonly byte[] PageSetup =
        ("<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"u8 +
        "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"u8 +
        "<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>"u8).ToArray();

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

    /// <summary>
    /// The sheet with its print properties first and its page set-up last. Both places are found
    /// by their ASCII tags in the UTF-8 bytes, which go through a buffer unread otherwise: the
    /// copy allocates nothing per row.
    /// </summary>
    private static async Task SheetAsync(Stream read, Stream write, CancellationToken cancellationToken)
    {
        var buffer = new byte[128 * 1024];
        var held = 0;
        var started = false;
        int count;
        while ((count = await read.ReadAsync(buffer.AsMemory(held), cancellationToken)) > 0)
        {
            var filled = held + count;
            var from = 0;
            if (!started)
            {
                var element = buffer.AsSpan(0, filled).IndexOf("<worksheet"u8);
                var end = element < 0 ? -1 : buffer.AsSpan(element, filled - element).IndexOf((byte)'>');
                if (end < 0)
                {
                    held = filled;
                    continue;
                }

                from = element + end + 1;
                await write.WriteAsync(buffer.AsMemory(0, from), cancellationToken);
                await write.WriteAsync(SheetProperties, cancellationToken);
                started = true;
            }

            // All but a tail that may hold the end tag goes out; the tail moves to the front.
            held = Math.Min(filled - from, SheetEnd.Length);
            await write.WriteAsync(buffer.AsMemory(from, filled - from - held), cancellationToken);
            buffer.AsSpan(filled - held, held).CopyTo(buffer);
        }

        if (!started || !buffer.AsSpan(0, held).SequenceEqual(SheetEnd))
        {
            throw new InvalidOperationException("A drafted sheet is not a complete worksheet.");
        }

        await write.WriteAsync(PageSetup, cancellationToken);
        await write.WriteAsync(SheetEnd, cancellationToken);
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
