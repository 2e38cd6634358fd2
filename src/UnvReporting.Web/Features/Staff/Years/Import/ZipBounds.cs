using System.IO.Compression;

namespace UnvReporting.Web.Features.Staff.Years.Import;

/// <summary>
/// Guards against zip bombs before the workbook is opened: the entry count and the sizes the
/// central directory declares are checked first, then every entry is unpacked through a counter,
/// because a crafted file can declare small sizes and unpack to gigabytes.
/// </summary>
public static class ZipBounds
{
    public static void Check(byte[] content, ImportLimits limits, IStringLocalizer<SharedResource> text)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxEntries)
            {
                throw new SpreadsheetRefusedException(text["The workbook has {0} parts; at most {1} are accepted. Save it again as a plain workbook.", zip.Entries.Count, limits.MaxEntries]);
            }

            if (zip.Entries.All(e => e.FullName != "xl/workbook.xml"))
            {
                throw new SpreadsheetRefusedException(text["The file is a zip archive but not an Excel workbook (.xlsx)."]);
            }

            // Entry by entry against what is left of the bound, never as a sum: Zip64 sizes reach
            // 2^63, and two of them overflow a long (a 500 instead of this refusal).
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length < 0 || entry.Length > limits.MaxDecompressedBytes - declared)
                {
                    throw Unpacked(limits, text);
                }

                declared += entry.Length;
            }

            var buffer = new byte[81920];
            long unpacked = 0;
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    unpacked += read;
                    if (unpacked > limits.MaxDecompressedBytes)
                    {
                        throw Unpacked(limits, text);
                    }
                }
            }
        }
        catch (InvalidDataException)
        {
            throw Damaged(text);
        }
    }

    public static SpreadsheetRefusedException Damaged(IStringLocalizer<SharedResource> text) =>
        new(text["The file could not be read as an Excel workbook (.xlsx); it may be damaged. Save it again from Excel, or use the CSV format."]);

    private static SpreadsheetRefusedException Unpacked(ImportLimits limits, IStringLocalizer<SharedResource> text) =>
        new(text["The workbook unpacks to more than {0} MB; it is not accepted. Keep to the template's two sheets.", limits.MaxDecompressedBytes / (1024 * 1024)]);
}
