using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace UnvReporting.Benchmarks;

/// <summary>
/// The writers of the load test (issue 7): each editor reads an indicator-year with its version
/// and saves a new result through the staff API, re-reading after a 409, until the time is up.
/// Every value gets a unique number, so afterwards each acknowledged save can be looked for in the
/// final figures and in the audit trail: the last acknowledged save of an indicator (the highest
/// version) must be its value now, and every acknowledged save must have its audit entry.
/// </summary>
public static class EditorsRun
{
    private const string Reason = "Load test";

    private sealed record Ack(string Key, decimal Value, string Editor, long Version);

    public static async Task<int> RunAsync(Uri url, int year, IReadOnlyList<string> keys, IReadOnlyList<string> accounts, string password, TimeSpan duration)
    {
        var acks = new ConcurrentBag<Ack>();
        var uncertain = new ConcurrentBag<(string Key, decimal Value)>();
        var counts = new ConcurrentDictionary<string, int>();
        void Count(string what) => counts.AddOrUpdate(what, 1, (_, n) => n + 1);

        var until = DateTime.UtcNow + duration;
        var editors = accounts.Select((email, index) => Task.Run(async () =>
        {
            using var http = await ClientAsync(url, email, password);
            var random = new Random(index);
            var sequence = 0;
            while (DateTime.UtcNow < until)
            {
                var key = keys[random.Next(keys.Count)];
                var path = $"/api/v1/years/{year}/indicators/{Uri.EscapeDataString(key)}";

                // Unique per editor and save, and valid in every unit (shares up to 100, four decimals).
                var value = (index * 20) + 1 + ((sequence++ % 190_000) / 10_000m);
                for (var attempt = 0; attempt < 20 && DateTime.UtcNow < until; attempt++)
                {
                    using var read = await http.GetAsync(path);
                    Count($"get {(int)read.StatusCode}");
                    if (read.StatusCode != HttpStatusCode.OK)
                    {
                        break;
                    }

                    var version = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;
                    HttpResponseMessage written;
                    try
                    {
                        written = await http.PutAsJsonAsync(path, new { result = value, version, reason = Reason });
                    }
                    catch (HttpRequestException)
                    {
                        // The save may or may not have happened: its value is acceptable either way.
                        uncertain.Add((key, value));
                        Count("put failed");
                        break;
                    }

                    using (written)
                    {
                        if (written.StatusCode == HttpStatusCode.Conflict)
                        {
                            Count("put 409");
                            continue;
                        }

                        // Saves of one year are serialised on the year's row: a save that finished
                        // first, even of another indicator, makes this one refused with 403 and
                        // "changed at the same moment". Nothing was saved, so it is retried like a 409.
                        if (written.StatusCode == HttpStatusCode.Forbidden
                            && (await written.Content.ReadAsStringAsync()).Contains("at the same moment", StringComparison.Ordinal))
                        {
                            Count("put 403 year changed");
                            continue;
                        }

                        Count($"put {(int)written.StatusCode}");

                        if (written.StatusCode == HttpStatusCode.OK)
                        {
                            var saved = await written.Content.ReadFromJsonAsync<JsonElement>();
                            acks.Add(new Ack(key, value, email, long.Parse(saved.GetProperty("version").GetString()!, CultureInfo.InvariantCulture)));
                        }
                        else if (written.StatusCode != HttpStatusCode.OK)
                        {
                            Console.Error.WriteLine($"editors: PUT {path} by {email} answered {(int)written.StatusCode}: {await written.Content.ReadAsStringAsync()}");
                        }

                        break;
                    }
                }
            }
        })).ToList();
        await Task.WhenAll(editors);

        var lost = await CheckAsync(url, year, accounts[0], password, acks.ToList(), uncertain.ToList());

        var fivexx = counts.Where(c => c.Key.Split(' ')[1].StartsWith('5')).Sum(c => c.Value);
        Console.WriteLine($"editors_writes_acknowledged={acks.Count}");
        Console.WriteLine($"editors_conflicts={counts.GetValueOrDefault("put 409")}");
        Console.WriteLine($"editors_year_conflicts={counts.GetValueOrDefault("put 403 year changed")}");
        Console.WriteLine($"editors_requests={counts.Values.Sum()}");
        Console.WriteLine($"editors_5xx={fivexx}");
        Console.WriteLine($"editors_other_failures={counts.Where(c => c.Key is not ("get 200" or "put 200" or "put 409" or "put 403 year changed")).Sum(c => c.Value) - fivexx}");
        Console.WriteLine($"editors_lost_updates={lost}");
        Console.Error.WriteLine($"editors: answers {string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}"))}");
        return fivexx == 0 && lost == 0 ? 0 : 1;
    }

    private static async Task<int> CheckAsync(Uri url, int year, string email, string password, List<Ack> acks, List<(string Key, decimal Value)> uncertain)
    {
        using var http = await ClientAsync(url, email, password);
        var lost = 0;
        foreach (var group in acks.GroupBy(a => a.Key))
        {
            var path = $"/api/v1/years/{year}/indicators/{Uri.EscapeDataString(group.Key)}";
            var now = await http.GetFromJsonAsync<JsonElement>(path);
            var final = now.GetProperty("result").GetDecimal();
            var last = group.MaxBy(a => a.Version)!;
            if (final != last.Value && !uncertain.Contains((group.Key, final)))
            {
                lost++;
                Console.Error.WriteLine($"editors: LOST {group.Key}: holds {final}, the last acknowledged save ({last.Editor}, version {last.Version}) was {last.Value}");
            }

            var history = await http.GetFromJsonAsync<JsonElement>($"{path}/history");
            var audited = history.EnumerateArray()
                .Where(e => string.Equals(e.GetProperty("field").GetString(), "result", StringComparison.OrdinalIgnoreCase))
                .Select(e => (User: e.GetProperty("user").GetString(), Value: decimal.TryParse(e.GetProperty("newValue").GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null))
                .ToHashSet();
            foreach (var ack in group.Where(a => !audited.Contains((a.Editor, a.Value))))
            {
                lost++;
                Console.Error.WriteLine($"editors: UNAUDITED {ack.Key}: {ack.Editor} was told {ack.Value} was saved (version {ack.Version}); no audit entry has it");
            }
        }

        return lost;
    }

    private static async Task<HttpClient> ClientAsync(Uri url, string email, string password)
    {
        var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        using var answer = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        answer.EnsureSuccessStatusCode();
        var token = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
