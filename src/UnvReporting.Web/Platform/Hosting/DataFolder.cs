namespace UnvReporting.Web.Platform.Hosting;

/// <summary>
/// Where the app keeps what it writes: the SQLite database and the log files. Configured by
/// <c>DataFolder</c> (default <c>App_Data</c>); a relative path is taken from the content root.
/// </summary>
public static class DataFolder
{
    public const string Key = "DataFolder";

    public static string Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[Key];
        var folder = Path.GetFullPath(Path.Combine(
            environment.ContentRootPath,
            string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
