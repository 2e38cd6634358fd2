using Serilog;
using UnvReporting.Web.Platform.Configuration;

namespace UnvReporting.Web.Platform.Hosting;

/// <summary>The <c>FileLog</c> section: the rolling log file, kept in the data folder by default.</summary>
public sealed class FileLogOptions
{
    public const string Section = "FileLog";

    public bool Enabled { get; set; } = true;

    /// <summary>Relative paths are taken from the data folder. A date is added before the extension.</summary>
    public string Path { get; set; } = "logs/unv-.log";

    public int RetainedFileCountLimit { get; set; } = 14;

    public long FileSizeLimitBytes { get; set; } = 50 * 1024 * 1024;
}

public static class Logging
{
    private const string OutputTemplate =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Serilog as the only logging provider: levels and the console sink from the <c>Serilog</c>
    /// section, the rolling file from <c>FileLog</c>, whose relative path starts at the data folder
    /// rather than at whatever the working directory is.
    /// </summary>
    public static void AddUnvLogging(this WebApplicationBuilder builder, string dataFolder)
    {
        var fileLog = builder.AddSettings<FileLogOptions>(FileLogOptions.Section);

        // Each host builds its own logger and leaves the static Log.Logger alone: test hosts run in
        // parallel in one process, and sharing the static logger failed with "The logger is
        // already frozen" or sent one host's lines to another's file.
        builder.Services.AddSerilog(
            (_, configuration) =>
            {
                configuration.ReadFrom.Configuration(builder.Configuration).Enrich.FromLogContext();
                if (fileLog.Enabled)
                {
                    configuration.WriteTo.File(
                        System.IO.Path.Combine(dataFolder, fileLog.Path),
                        outputTemplate: OutputTemplate,
                        rollingInterval: RollingInterval.Day,
                        rollOnFileSizeLimit: true,
                        fileSizeLimitBytes: fileLog.FileSizeLimitBytes,
                        retainedFileCountLimit: fileLog.RetainedFileCountLimit,
                        shared: true);
                }
            },
            preserveStaticLogger: true);
    }
}
