using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Statistics;

/// <summary>The bad-input corpus in the query values the public pages read (metric, series, years to compare, culture): never a 500, never echoed as markup.</summary>
public class BadQueryTests
{
    [Theory, BothProviders]
    public async Task Bad_query_values_get_a_page_or_a_4xx_and_nothing_runs(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var failures = new List<string>();

        foreach (var value in BadInput.All)
        {
            var v = Uri.EscapeDataString(value.Value);
            foreach (var address in new[]
            {
                $"/statistics/trends?metric={v}", $"/statistics/trends?metric=volunteers_deployed&series={v}",
                $"/statistics/compare?a={v}&b=2021", $"/statistics/compare?a=2019&b={v}", $"/indicators/2021?culture={v}",
                $"/indicators/2021/{(value == BadInput.Nul ? "1.1" : v)}",
            })
            {
                using var response = await app.Client.GetAsync(address);
                var status = (int)response.StatusCode;
                var page = await Html.ParseAsync(response);
                if (status >= 500)
                {
                    failures.Add($"{value.Name} at {address[..Math.Min(address.Length, 60)]}: {status}");
                }

                if (page.QuerySelectorAll("script").Any(s => s.TextContent.Contains("alert(", StringComparison.Ordinal) && s.GetAttribute("type") != "application/json")
                    || page.QuerySelector("img[src=x]") is not null)
                {
                    failures.Add($"{value.Name} at {address[..Math.Min(address.Length, 60)]}: the payload runs");
                }
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }
}
