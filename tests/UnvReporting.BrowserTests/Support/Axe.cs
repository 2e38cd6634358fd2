using System.Text.Json;
using Microsoft.Playwright;

namespace UnvReporting.BrowserTests.Support;

/// <summary>
/// Runs axe-core (from npm, copied next to the test assembly by AxeCore.targets) on the page the
/// browser shows, with its default rules: WCAG 2.x A and AA plus best practices.
/// </summary>
public static class Axe
{
    private static readonly string ScriptPath = Path.Combine(AppContext.BaseDirectory, "axe.min.js");

    // Only what a failure message needs; axe's full result holds every passing check too.
    private const string Run = """
        async () => {
          const results = await axe.run(document, { resultTypes: ["violations"] });
          return results.violations.map(v => ({
            id: v.id,
            impact: v.impact ?? "",
            help: v.help,
            helpUrl: v.helpUrl,
            targets: v.nodes.map(n => n.target.join(" ")),
          }));
        }
        """;

    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        if (!File.Exists(ScriptPath))
        {
            throw new InvalidOperationException($"{ScriptPath} is missing; the build copies it from node_modules/axe-core (AxeCore.targets).");
        }

        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new() { Path = ScriptPath });
        }

        var json = await page.EvaluateAsync<JsonElement>(Run);
        return json.Deserialize<List<AxeViolation>>(JsonOptions) ?? [];
    }

    /// <summary>The violations a user of assistive technology would be blocked or badly hindered by.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> SeriousViolationsAsync(IPage page) =>
        (await RunAsync(page)).Where(v => v.Impact is "serious" or "critical").ToList();

    public static string Describe(string address, IEnumerable<AxeViolation> violations) =>
        string.Join(Environment.NewLine, violations.Select(v =>
            $"{address}: [{v.Impact}] {v.Id}: {v.Help} ({v.HelpUrl}){Environment.NewLine}    "
            + string.Join(Environment.NewLine + "    ", v.Targets)));

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

public sealed record AxeViolation(string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<string> Targets);
