using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using UnvReporting.Web.Features.Api;
using UnvReporting.Web.Features.Export;
using UnvReporting.Web.Features.Frameworks;
using UnvReporting.Web.Features.Indicators;
using UnvReporting.Web.Features.Staff;
using UnvReporting.Web.Features.Staff.Years;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Features.Statistics;
using UnvReporting.Web.Platform.Caching;
using UnvReporting.Web.Platform.Configuration;
using UnvReporting.Web.Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);

var dataFolder = DataFolder.Resolve(builder.Configuration, builder.Environment);
builder.AddUnvLogging(dataFolder);
var database = builder.AddUnvDatabase(dataFolder);
builder.Services.AddUnvDatabasePreparation();
builder.AddUnvLocalization();
builder.AddUnvAccounts();
var performance = builder.AddUnvOutputCache(database);
builder.Services.AddSingleton<SecurityEvents>();
builder.Services.AddRazorPages(options =>
{
    // Pages live beside the queries, API and downloads of their feature (ADR-012).
    options.RootDirectory = "/Features";

    // Staff pages are closed to visitors as a folder, so a new page cannot be left open by
    // mistake; handlers narrow further by role and by the year's status.
    options.Conventions.AuthorizeFolder("/Staff", StaffPolicies.Staff);
    options.Conventions.AuthorizeFolder("/Admin", StaffPolicies.Administer);
});
builder.Services.AddSingleton<DisplayFormat>();
builder.Services.AddScoped<YearChanges>();
builder.Services.AddScoped<IndicatorEntry>();
builder.Services.AddSettings<ImportLimits>(ImportLimits.Section);
builder.Services.AddSettings<WorkflowOptions>(WorkflowOptions.Section);
builder.Services.AddScoped<SpreadsheetImport>();
builder.Services.AddScoped<UnvReporting.Web.Features.Admin.Frameworks.Import.FrameworkImport>();

// Chinese text is written as characters, not as &#x...; entities: pages stay readable and a
// third of the size. Markup characters are still encoded.
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddUnvProblemDetails();
builder.Services.AddApiDocument();

builder.AddUnvDataProtection();
builder.AddUnvForwardedHeaders();
builder.AddUnvAllowedHosts();
builder.Services.AddUnvHealthChecks();
builder.Services.AddUnvSecurityHeaders();
builder.Services.AddDatabaseUnavailableHandling();

var app = builder.Build();

// `dotnet UnvReporting.Web.dll migrate`: apply migrations and load the reference data, then exit,
// for operators who migrate before deploying (Database:MigrateOnStartup=false on the servers).
if (args is ["migrate", ..])
{
    return await MigrateCommand.RunAsync(app, database);
}

// `dotnet UnvReporting.Web.dll create-admin EMAIL` (password on standard input): see docs/staff-guide.md.
if (args is ["create-admin", ..])
{
    return await CreateAdminCommand.RunAsync(app, database, args, Console.In);
}

// `dotnet UnvReporting.Web.dll backup PATH`: an online copy of the SQLite database (docs/reliability.md).
if (args is ["backup", ..])
{
    return await BackupCommand.RunAsync(app, database, args);
}

if (database.MigrateOnStartup && !await app.Services.TryPrepareDatabaseAsync(database.LoadReferenceData))
{
    // The reason is in the log; disposing flushes it.
    await app.DisposeAsync();
    return 1;
}

app.UseUnvForwardedHeaders();
app.UseUnvRequestLogging();
app.UseUnvSecurityHeaders();

// The API answers errors with problem-details JSON; pages with the friendly error page.
var isDevelopment = app.Environment.IsDevelopment();
app.UseWhen(IsApi, api =>
{
    if (!isDevelopment)
    {
        api.UseExceptionHandler();
    }

    api.UseStatusCodePages();
});
app.UseWhen(context => !IsApi(context), pages =>
{
    if (!isDevelopment)
    {
        pages.UseExceptionHandler(DatabaseUnavailable.PageOptions("/Error"));
    }

    pages.UseStatusCodePagesWithReExecute("/Error/{0}");
});
if (!isDevelopment)
{
    app.UseHsts();
}

app.UseUnvLocalization();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseNoStoreForSignedIn();
app.UseAuthorization();
app.UseUnvOutputCache(performance);
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapResultsApiV1();
app.MapFrameworksApiV1();
app.MapStatisticsApiV1();
app.MapStaffApiV1();
app.MapExports();
app.MapOpenApi().CacheOutput(PublishedCache.Policy);
app.MapApiReference();
app.MapUnvHealthChecks();

await app.RunAsync();
return 0;

static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
