using Microsoft.AspNetCore.DataProtection;
using UnvReporting.Web.Data;
using UnvReporting.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

var dataFolder = DataFolder.Resolve(builder.Configuration, builder.Environment);
builder.AddUnvLogging(dataFolder);
var database = builder.AddUnvDatabase(dataFolder);
builder.Services.AddRazorPages();

// Keys that protect cookies and antiforgery tokens survive restarts. (Several instances will
// share them through the database once the app scales out.)
builder.Services.AddDataProtection()
    .SetApplicationName("UnvReporting")
    .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")));
builder.Services.AddUnvHealthChecks();

var app = builder.Build();

// `dotnet UnvReporting.Web.dll migrate`: apply migrations and load the reference data, then exit,
// for operators who migrate before deploying (Database:MigrateOnStartup=false on the servers).
if (args is ["migrate", ..])
{
    return await MigrateCommand.RunAsync(app, database);
}

if (database.MigrateOnStartup)
{
    await app.Services.PrepareDatabaseAsync(database.LoadReferenceData);
}

app.UseMiddleware<RequestLoggingMiddleware>();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseRouting();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapUnvHealthChecks();

await app.RunAsync();
return 0;
