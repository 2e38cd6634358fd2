using System.Net;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff.Years;

/// <summary>
/// "No data: ..." is a state of its own: staff say why a year has no result, on the entry page or
/// through the API; the indicator rates grey and readers see the reason. The draft year 2020
/// holds indicator 1.1 with milestone 50 and result 40.
/// </summary>
public class MissingDataReasonTests
{
    private const string DraftPath = "/api/v1/years/2020/indicators/1.1";

    private const string Reason = "The 2020 survey was postponed to 2021.";

    private static async Task<(decimal? Result, string? Reason)> RowAsync(TestApp app, int year, string key)
    {
        await using var scope = app.CreateDbScope();
        return await scope.Db.IndicatorYears.Where(iy => iy.Year == year && iy.Indicator.Key == key)
            .Select(iy => new ValueTuple<decimal?, string?>(iy.Result, iy.MissingDataReason)).SingleAsync();
    }

    [Theory, BothProviders]
    public async Task An_editor_states_why_there_is_no_result_on_the_entry_page_and_a_result_clears_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        var page = await editor.GetDocumentAsync(app.Url.StaffYear(2020));

        var stated = await editor.SubmitAsync(page, "#entry-form", new() { ["Rows[0].Result"] = string.Empty, ["Rows[0].MissingDataReason"] = "  " + Reason + " " });

        stated.StatusCode.ShouldBe(HttpStatusCode.Redirect, await stated.Content.ReadAsStringAsync());
        (await RowAsync(app, 2020, "1.1")).ShouldBe((null, Reason));
        var again = await editor.GetDocumentAsync(app.Url.StaffYear(2020));
        again.Form("#entry-form").Fields()["Rows[0].MissingDataReason"].ShouldBe(Reason);

        var result = await editor.SubmitAsync(again, "#entry-form", new() { ["Rows[0].Result"] = "42" });

        result.StatusCode.ShouldBe(HttpStatusCode.Redirect, await result.Content.ReadAsStringAsync());
        (await RowAsync(app, 2020, "1.1")).ShouldBe((42m, null));
    }

    [Theory, BothProviders]
    public async Task A_reason_too_long_or_beside_a_result_is_refused_by_its_field(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        var page = await editor.GetDocumentAsync(app.Url.StaffYear(2020));

        var tooLong = await editor.SubmitAsync(page, "#entry-form", new() { ["Rows[0].Result"] = string.Empty, ["Rows[0].MissingDataReason"] = new string('x', 501) });
        (await tooLong.DocumentAsync()).ErrorFor("row-1-1-missing-error").ShouldStartWith("Reason for missing data must be at most 500 characters");

        var besideResult = await editor.SubmitAsync(page, "#entry-form", new() { ["Rows[0].MissingDataReason"] = Reason });
        (await besideResult.DocumentAsync()).ErrorFor("row-1-1-missing-error").ShouldBe("Indicator 1.1 has a result for 2020; a reason for missing data is only for a year without one.");

        (await RowAsync(app, 2020, "1.1")).ShouldBe((40m, null));
    }

    [Theory, BothProviders]
    public async Task The_staff_api_states_and_withdraws_a_reason_and_refuses_a_blank_one(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var token = await app.TokenForAsync(StaffRole.Editor);
        var version = await app.VersionOfAsync(2020, "1.1", token);

        var blank = await (await app.PutJsonAsync(DraftPath, $$"""{"result":null,"missingDataReason":" ","version":"{{version}}"}""", token)).ShouldBeProblemAsync(400);
        blank.GetProperty("errors").GetProperty("missingDataReason")[0].GetString().ShouldBe("missingDataReason must say why there is no data; send null to withdraw it.");
        var beside = await (await app.PutJsonAsync(DraftPath, $$"""{"missingDataReason":"{{Reason}}","version":"{{version}}"}""", token)).ShouldBeProblemAsync(400);
        beside.GetProperty("errors").GetProperty("missingDataReason")[0].GetString().ShouldStartWith("Indicator 1.1 has a result for 2020");

        var stated = await (await app.PutJsonAsync(DraftPath, $$"""{"result":null,"missingDataReason":"{{Reason}}","version":"{{version}}"}""", token)).JsonAsync(200);

        stated.GetProperty("missingDataReason").GetString().ShouldBe(Reason);
        stated.GetProperty("rating").GetString().ShouldBe("grey");
        var withdrawn = await (await app.PutJsonAsync(DraftPath, $$"""{"missingDataReason":null,"version":"{{stated.GetProperty("version").GetString()}}"}""", token)).JsonAsync(200);
        withdrawn.GetProperty("missingDataReason").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Theory, BothProviders]
    public async Task Readers_see_the_reason_where_the_indicator_rates_grey(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.Services.SaveAsync(async db =>
        {
            var row = await db.IndicatorYears.SingleAsync(iy => iy.Year == 2021 && iy.Indicator.Key == "1.1");
            row.SetFigures(row.Milestone, null);
            row.StateMissingData(Reason);
        });

        var table = await app.Client.GetDocumentAsync("/indicators/2021");
        var cell = table.QuerySelector(".missing-data").ShouldNotBeNull();
        cell.Text().ShouldBe("No data: " + Reason);
        using (var chinese = app.Visitor())
        {
            // A browser of its own: the language link sets a cookie.
            (await chinese.GetDocumentAsync("/indicators/2021?culture=zh-Hans")).QuerySelector(".missing-data")!.Text().ShouldBe("无数据：" + Reason);
        }

        (await app.Client.GetDocumentAsync("/indicators/2021/1.1")).QuerySelector("[data-year='2021'] .missing-data")!.Text().ShouldBe("No data: " + Reason);

        var item = await app.Client.GetJsonAsync("/api/v1/years/2021/indicators/1.1");
        item.GetProperty("rating").GetString().ShouldBe("grey");
        item.GetProperty("missingDataReason").GetString().ShouldBe(Reason);
        (await app.Client.GetJsonAsync("/api/v1/years/2019/indicators/1.1")).GetProperty("missingDataReason").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        var csv = await app.Client.GetStringAsync("/export/2021/indicators.csv");
        csv.Split('\n')[0].TrimEnd('\r').ShouldEndWith(",No data: reason");
        csv.ShouldContain("," + Reason);
    }
}
