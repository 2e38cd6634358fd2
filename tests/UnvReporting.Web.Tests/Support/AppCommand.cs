using System.Diagnostics;

namespace UnvReporting.Web.Tests.Support;

/// <summary>
/// Runs one of the app's commands (<c>migrate</c>, <c>create-admin</c>, <c>backup</c>) as operators
/// do: the built app in a process of its own, configured by environment variables.
/// </summary>
public static class AppCommand
{
    /// <param name="arguments">The command and its arguments.</param>
    /// <param name="settings">Configuration keys ("Database:Provider"), passed as environment variables.</param>
    /// <param name="input">Written to standard input, which is then closed (the password of create-admin).</param>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string> settings, string? input = null)
    {
        // The app's build output sits beside this test assembly (same configuration).
        var app = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(app);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
