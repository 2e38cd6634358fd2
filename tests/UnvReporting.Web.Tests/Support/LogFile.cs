namespace UnvReporting.Web.Tests.Support;

/// <summary>Reads the app's rolling log files in a test's data folder, while the app may still write them.</summary>
public static class LogFile
{
    public static List<string> ReadLines(string dataFolder)
    {
        var lines = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(dataFolder, "logs"), "unv-*.log"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
