namespace UnvReporting.Web.Tests.Support;

/// <summary>Files of the repository the tests were built from (documentation checks).</summary>
public static class RepositoryFiles
{
    public static string Read(string relativePath)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "UnvReporting.sln")))
        {
            folder = folder.Parent;
        }

        return folder is null
            ? throw new InvalidOperationException("UnvReporting.sln not found above " + AppContext.BaseDirectory)
            : File.ReadAllText(Path.Combine(folder.FullName, relativePath));
    }
}
