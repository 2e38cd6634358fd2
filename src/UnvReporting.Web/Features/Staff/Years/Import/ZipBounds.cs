using System.IO.Compression;

namespace UnvReporting.Web.Features.Staff.Years.Import;

/// <summary>
/// Guards against zip bombs before the workbook is opened: the entry count and the sizes the
/// central directory declares are checked first, then every entry is unpacked through a counter,
/// because a crafted file can declare small sizes and unpack to gigabytes.
/// </summary>
public static class ZipBounds
{
    public static void Check(byte[] content, ImportLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxEntries)
            {
                throw new SpreadsheetRefusedException($"The workbook has {zip.Entries.Count} parts; at most {limits.MaxEntries} are accepted. Save it again as a plain workbook.");
            }

            if (zip.Entries.All(e => e.FullName != "xl/workbook.xml"))
            {
                throw new SpreadsheetRefusedException("The file is a zip archive but not an Excel workbook (.xlsx).");
            }

            // Entry by entry against what is left of the bound, never as a sum: Zip64 sizes reach
            // 2^63, and two of them overflow a long (a 500 instead of this refusal).
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length < 0 || entry.Length > limits.MaxDecompressedBytes - declared)
                {
                    throw Unpacked(limits);
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
                        throw Unpacked(limits);
                    }
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new SpreadsheetRefusedException("The file could not be read as an Excel workbook (.xlsx); it may be damaged. Save it again from Excel, or use the CSV format.");
        }
    }

    private static SpreadsheetRefusedException Unpacked(ImportLimits limits) =>
        new($"The workbook unpacks to more than {limits.MaxDecompressedBytes / (1024 * 1024)} MB; it is not accepted. Keep to the template's two sheets.");
}
