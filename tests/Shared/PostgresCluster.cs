using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace UnvReporting.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster (initdb + pg_ctl) in a folder of its own, on a loopback port that
/// stays the same across <see cref="StopAsync"/> and <see cref="StartAsync"/>, so a test can take the
/// server away from a running app and bring it back. <see cref="PostgresServer"/> keeps one for the
/// whole run; a fault test makes its own so stopping it disturbs no other test.
/// A detached watchdog stops the cluster and deletes its folder when the test process ends.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    internal const string FolderPrefix = "unv-pg-";
    internal const string OwnerFile = "owner.pid";

    private readonly string _binaries;
    private readonly string _folder;
    private readonly int _port;
    private readonly bool _asPostgres;

    private PostgresCluster(string binaries, string folder, int port, bool asPostgres)
    {
        _binaries = binaries;
        _folder = folder;
        _port = port;
        _asPostgres = asPostgres;
    }

    /// <summary>A superuser on the cluster's <c>postgres</c> database.</summary>
    public string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = "postgres",
        Database = "postgres",
    }.ConnectionString;

    /// <summary>The cluster's own folder, which its owner (the postgres user under root) may write: dumps go here.</summary>
    public string Folder => _folder;

    public int Port => _port;

    private string DataDirectory => Path.Combine(_folder, "data");

    /// <summary>Creates the cluster and starts it.</summary>
    public static async Task<PostgresCluster> CreateAsync()
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql. " +
            $"Install them (apt-get install -y postgresql, as ./test.sh does) or set {PostgresServer.EnvironmentVariable} " +
            "to the connection string of a server where the tests may create databases.");

        RemoveOrphanedClusters(binaries);
        var folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var asPostgres = Environment.UserName == "root";
        if (asPostgres)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", ["postgres", folder], asPostgres: false);
        }

        var cluster = new PostgresCluster(binaries, folder, FreePort(), asPostgres);
        await RunAsync(Path.Combine(binaries, "initdb"),
            ["-D", cluster.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asPostgres);
        await cluster.StartAsync();
        cluster.StartWatchdog();
        return cluster;
    }

    public Task StartAsync() =>
        RunAsync(Path.Combine(_binaries, "pg_ctl"),
            ["-D", DataDirectory, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "30", "-o",
             $"-c listen_addresses=127.0.0.1 -p {_port} -k {_folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
             "start"], _asPostgres);

    /// <summary>
    /// An orderly fast shutdown, as an operator or a failover does it: sessions are ended and open
    /// transactions rolled back; the call returns once the server is gone.
    /// </summary>
    public Task StopAsync() =>
        RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], _asPostgres);

    /// <summary>Runs one of the cluster's client programs (pg_dump, pg_restore) as its owner, failing with its output.</summary>
    public Task RunToolAsync(string program, params string[] arguments) =>
        RunAsync(Path.Combine(_binaries, program), arguments, _asPostgres);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], _asPostgres);
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>
    /// The test host is killed soon after the last test, before a ProcessExit handler could stop
    /// the server. A detached shell (re-parented to init, so it outlives the host) waits for this
    /// process to end, then stops the cluster and deletes its folder.
    /// </summary>
    private void StartWatchdog()
    {
        var stop = $"{(_asPostgres ? "runuser -u postgres -- " : "")}'{Path.Combine(_binaries, "pg_ctl")}' -D '{DataDirectory}' -m immediate -w stop";
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop}; rm -rf '{_folder}'";
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
            if (File.Exists(ownerFile))
            {
                if (!int.TryParse(SafeRead(ownerFile), CultureInfo.InvariantCulture, out var owner) || IsRunning(owner))
                {
                    continue;
                }
            }
            else if (DateTime.UtcNow - Directory.GetCreationTimeUtc(folder) < TimeSpan.FromMinutes(10))
            {
                // Another cluster is being created this moment (its owner file comes right after
                // the folder), in this process or another: not an orphan.
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

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception exception) when (exception is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
            {
                // The dead owner's watchdog is removing it at the same moment; that is as good.
            }
        }
    }

    private static string SafeRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return string.Empty;
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
