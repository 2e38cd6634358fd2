namespace UnvReporting.Web.Tests.Support;

/// <summary>Files of the repository the tests were built from (documentation and source checks).</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    /// <summary>The folder holding UnvReporting.sln.</summary>
    public static string Root => RootFolder.Value;

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>Files under a folder of the repository, as paths relative to the root, leaving out build output.</summary>
    public static IReadOnlyList<string> Find(string relativeFolder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(Root, relativeFolder), pattern, SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "UnvReporting.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("UnvReporting.sln not found above " + AppContext.BaseDirectory);
    }
}
