namespace UnvReporting.Web.Features.Staff.Years.Import;

/// <summary>
/// Bounds on an uploaded spreadsheet, from the configuration section <c>Import</c>. An XLSX file
/// is a zip: a few kilobytes can declare (or hold) gigabytes, so the unpacked size and the number
/// of entries are bounded as well as the upload itself.
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "Import";

    public long MaxUploadBytes { get; set; } = 5 * 1024 * 1024;

    public long MaxDecompressedBytes { get; set; } = 50 * 1024 * 1024;

    public int MaxEntries { get; set; } = 100;

    public int MaxRows { get; set; } = 100_000;
}

/// <summary>A file refused as a whole (too large, not a spreadsheet, wrong columns); the message is for the person who uploaded it.</summary>
public sealed class SpreadsheetRefusedException(string message) : Exception(message);
