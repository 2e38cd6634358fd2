using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace UnvReporting.Testing;

/// <summary>
/// One real PostgreSQL server for the whole test run. Uses <c>UNV_TEST_POSTGRES</c> (an admin
/// connection string that may create databases) when it is set; otherwise starts a throwaway
/// cluster with initdb and pg_ctl on a free loopback port, which a watchdog removes when the test
/// process ends.
/// There is no skip: without PostgreSQL the tests that need it fail, saying how to provide it.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "UNV_TEST_POSTGRES";

    private const string FolderPrefix = "unv-pg-";
    private const string OwnerFile = "owner.pid";

    private static readonly Lazy<Task<string>> AdminConnection = new(StartAsync);

    /// <summary>Connection string of a superuser on the server's <c>postgres</c> database.</summary>
    public static Task<string> GetAdminConnectionStringAsync() => AdminConnection.Value;

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var binaries = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql. " +
            $"Install them (apt-get install -y postgresql, as ./test.sh does) or set {EnvironmentVariable} " +
            "to the connection string of a server where the tests may create databases.");

        RemoveOrphanedClusters(binaries);
        var folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", ["postgres", folder], asPostgres: false);
        }

        var data = Path.Combine(folder, "data");
        var port = FreePort();
        await RunAsync(Path.Combine(binaries, "initdb"),
            ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asRoot);
        await RunAsync(Path.Combine(binaries, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "30", "-o",
             $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
             "start"], asRoot);
        StartWatchdog(binaries, folder, asRoot);

        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
        }.ConnectionString;
    }

    /// <summary>
    /// The test host is killed soon after the last test, before a ProcessExit handler could stop
    /// the server. A detached shell (re-parented to init, so it outlives the host) waits for this
    /// process to end, then stops the cluster and deletes its folder.
    /// </summary>
    private static void StartWatchdog(string binaries, string folder, bool asRoot)
    {
        var stop = $"{(asRoot ? "runuser -u postgres -- " : "")}'{Path.Combine(binaries, "pg_ctl")}' -D '{Path.Combine(folder, "data")}' -m immediate -w stop";
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop}; rm -rf '{folder}'";
        var start = new ProcessStartInfo("sh") { UseShellExecute = false };
        foreach (var argument in new[] { "-c", "setsid sh -c \"$1\" </dev/null >/dev/null 2>&1 &", "unv-pg-watchdog", script })
        {
            start.ArgumentList.Add(argument);
        }

        using var launcher = Process.Start(start) ?? throw new InvalidOperationException("Could not start the PostgreSQL watchdog.");
        launcher.WaitForExit();
    }

    /// <summary>Clusters of earlier runs whose test process is gone (killed, or the machine restarted).</summary>
    private static void RemoveOrphanedClusters(string binaries)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var ownerFile = Path.Combine(folder, OwnerFile);
            if (File.Exists(ownerFile)
                && int.TryParse(File.ReadAllText(ownerFile), CultureInfo.InvariantCulture, out var owner)
                && IsRunning(owner))
            {
                continue;
            }

            try
            {
                if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
                {
                    RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"],
                        Environment.UserName == "root").GetAwaiter().GetResult();
                }
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asPostgres)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}
