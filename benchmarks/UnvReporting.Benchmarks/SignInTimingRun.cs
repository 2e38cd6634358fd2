using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace UnvReporting.Benchmarks;

/// <summary>
/// Can a stopwatch tell which e-mail addresses have accounts (issue 18, item 7)? Asks the token
/// endpoint, in alternation, for an address without an account and for an existing account with a
/// wrong password, each from a new client address (forwarded by the app's trusted loopback proxy),
/// so that neither the rate limit nor the lockout changes the work a request does. Prints the
/// medians and how often one request tells the two apart: the share of requests the best single
/// time threshold puts on the right side (50% is a coin toss; with 200 tries each, chance alone
/// reaches about 55%).
/// </summary>
internal static class SignInTimingRun
{
    public static async Task<int> RunAsync(Uri url, string existing, int tries)
    {
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        var unknown = new List<double>(tries);
        var known = new List<double>(tries);

        // Warm-up: the first requests pay for JIT and connection set-up.
        for (var i = 0; i < 10; i++)
        {
            await TimeAsync(client, $"10.255.0.{i}", "warm-up@example.org");
        }

        for (var i = 0; i < tries; i++)
        {
            unknown.Add(await TimeAsync(client, $"10.1.{i / 250}.{i % 250}", $"nobody{i}@example.org"));
            known.Add(await TimeAsync(client, $"10.2.{i / 250}.{i % 250}", existing));
        }

        Console.WriteLine($"tries={tries}");
        Console.WriteLine($"unknown_median_ms={Median(unknown):0.00}");
        Console.WriteLine($"known_median_ms={Median(known):0.00}");
        Console.WriteLine($"difference_ms={Median(known) - Median(unknown):0.00}");
        Console.WriteLine($"told_apart_percent={TellApart(unknown, known) * 100:0}");
        return 0;
    }

    private static async Task<double> TimeAsync(HttpClient client, string clientAddress, string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { email, password = "not the password of anyone" }),
        };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            throw new InvalidOperationException($"expected 401 for {email} from {clientAddress}, got {(int)response.StatusCode}");
        }

        return elapsed;
    }

    private static double Median(List<double> times)
    {
        var sorted = times.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The best accuracy of "slower than t means an account", over every t, either way round.</summary>
    private static double TellApart(List<double> unknown, List<double> known)
    {
        var best = 0.5;
        foreach (var t in unknown.Concat(known))
        {
            var right = (known.Count(k => k > t) + unknown.Count(u => u <= t)) / (double)(known.Count + unknown.Count);
            best = Math.Max(best, Math.Max(right, 1 - right));
        }

        return best;
    }
}
