namespace UnvReporting.Web.Platform.Data;

/// <summary>
/// An uploaded spreadsheet between its preview and its confirmation. Kept in the database, not
/// in memory or on one server's disk, so the confirming request may reach any instance. It is
/// read again and re-validated on confirmation; nothing of it is trusted from the preview.
/// Uploads older than a day are removed.
/// </summary>
public sealed class PendingImport
{
    /// <summary>A year's figures (<see cref="Year"/> says which).</summary>
    public const string Results = "results";

    /// <summary>A framework's result areas and indicator plan (<see cref="FrameworkCode"/> says which; <see cref="Year"/> is 0).</summary>
    public const string Framework = "framework";

    public Guid Id { get; set; }

    public string Kind { get; set; } = Results;

    public int Year { get; set; }

    public string? FrameworkCode { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    /// <summary>"xlsx" or "csv", as sniffed from the content (not the file name).</summary>
    public string Format { get; set; } = string.Empty;

    public byte[] Content { get; set; } = [];

    public DateTimeOffset UploadedAt { get; set; }
}
