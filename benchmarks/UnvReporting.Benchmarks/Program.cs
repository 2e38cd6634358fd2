using System.Globalization;
using UnvReporting.Benchmarks;
using UnvReporting.Benchmarks.Xlsx;

// The helper of benchmarks/run.sh and benchmarks/load.sh. Each command prints `key=value` lines
// that the scripts read, and what it did to standard error.
//
//   generate    --provider sqlite|postgres --connection CS [--facts N] [--years N] [--indicators N] [--first-year Y]
//   import-file --out FILE [--rows N]
//   import      --url URL --email E --password P --year Y --file FILE
//   export      --url URL --pid PID
//   editors     --url URL --year Y --keys K1,K2,.. --accounts E1,E2,.. --password P --duration SECONDS
//   xlsx        [--sheet statistics|indicators] [--rows N] [--repeat N] [--rounds N]
//               the XLSX writer against the one it replaced, alternating processes (docs/performance.md)
//   xlsx-once   --writer openxml|spreadcheetah [--sheet ..] [--rows N] [--repeat N]   one such process
//   signin-timing --url URL --email E [--tries N]   unknown address against wrong password at the token endpoint (docs/security.md)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: UnvReporting.Benchmarks generate|import-file|import|export|editors|xlsx|xlsx-once|signin-timing [--option value]...");
    return 2;
}

var options = Options.Parse(args.Skip(1));
try
{
    switch (args[0])
    {
        case "generate":
            var scale = new Scale(
                FirstYear: options.Int("first-year", 2026),
                Years: options.Int("years", 50),
                Indicators: options.Int("indicators", 500),
                Facts: options.Long("facts", 1_000_000));
            Console.Error.WriteLine($"generate: {SyntheticData.Describe(scale)}");
            await using (var target = await BulkTarget.OpenAsync(options.Text("provider"), options.Text("connection")))
            {
                await SyntheticData.GenerateAsync(target, scale, Console.Error);
            }

            Console.WriteLine($"first_year={scale.FirstYear}");
            Console.WriteLine($"last_year={scale.LastYear}");
            return 0;

        case "import-file":
            var rows = options.Int("rows", 50_000);
            ImportFile.WriteCsv(options.Text("out"), rows);
            Console.WriteLine($"rows={rows}");
            return 0;

        case "import":
            return await ImportRun.RunAsync(new Uri(options.Text("url")), options.Text("email"), options.Text("password"), options.Int("year"), options.Text("file"));

        case "export":
            return await ExportRun.RunAsync(new Uri(options.Text("url")), options.Int("pid"));

        case "editors":
            return await EditorsRun.RunAsync(
                new Uri(options.Text("url")), options.Int("year"), options.Text("keys").Split(','), options.Text("accounts").Split(','),
                options.Text("password"), TimeSpan.FromSeconds(options.Int("duration", 60)));

        case "xlsx":
            return await XlsxRun.CompareAsync(options.Text("sheet", "statistics"), options.Int("rows", 20_000), options.Int("repeat", 1), options.Int("rounds", 5));

        case "xlsx-once":
            return await XlsxRun.OnceAsync(options.Text("writer"), options.Text("sheet", "statistics"), options.Int("rows", 20_000), options.Int("repeat", 1));

        case "signin-timing":
            return await SignInTimingRun.RunAsync(new Uri(options.Text("url")), options.Text("email"), options.Int("tries", 200));

        default:
            Console.Error.WriteLine($"Unknown command '{args[0]}'.");
            return 2;
    }
}
catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or HttpRequestException)
{
    Console.Error.WriteLine($"{args[0]}: {exception.Message}");
    return 1;
}

internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        foreach (var arg in args)
        {
            if (name is null && arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
            }
            else if (name is not null)
            {
                values[name] = arg;
                name = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }
        }

        return new Options(values);
    }

    public string Text(string name, string? fallback = null) =>
        values.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int? fallback = null) =>
        values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture)
        : fallback ?? throw new ArgumentException($"--{name} is required.");

    public long Long(string name, long fallback) =>
        values.TryGetValue(name, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
