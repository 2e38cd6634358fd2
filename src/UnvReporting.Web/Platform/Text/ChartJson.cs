using System.Text.Json;

namespace UnvReporting.Web.Platform.Text;

/// <summary>
/// Serialises chart data into a page's <c>&lt;script type="application/json"&gt;</c> block, read
/// by wwwroot/js/charts.js. The default encoder escapes &lt;, &gt;, &amp; and quotes, so a title
/// holding "&lt;/script&gt;" cannot end the block early; no script runs inline.
/// </summary>
public static class ChartJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
