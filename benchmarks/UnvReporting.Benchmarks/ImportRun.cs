using System.Diagnostics;
using System.Net.Http.Headers;

namespace UnvReporting.Benchmarks;

/// <summary>
/// The staff import flow over HTTP, as an Admin would click it: upload (read and validated in
/// full, kept as a pending import), then confirm on the preview (validated again and written with
/// its audit trail in one transaction). Timed from the upload to the confirmation's answer.
/// </summary>
public static class ImportRun
{
    public static async Task<int> RunAsync(Uri url, string email, string password, int year, string file)
    {
        using var staff = await StaffClient.SignInAsync(url, email, password);
        var page = $"/staff/years/{year}/import";
        var token = await staff.TokenOfAsync(page);

        var clock = Stopwatch.StartNew();
        using var upload = new MultipartFormDataContent();
        var bytes = await File.ReadAllBytesAsync(file);
        var fileContent = new ByteArrayContent(bytes);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        upload.Add(fileContent, "file", Path.GetFileName(file));
        upload.Add(new StringContent(token), "__RequestVerificationToken");
        var preview = await staff.PostExpectingRedirectAsync($"{page}?handler=Upload", upload);
        var uploaded = clock.Elapsed;

        var previewToken = await staff.TokenOfAsync(preview);
        await staff.PostExpectingRedirectAsync($"{preview}?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Reason"] = "Benchmark import",
            ["__RequestVerificationToken"] = previewToken,
        }));
        var total = clock.Elapsed;

        Console.WriteLine($"import_rows={File.ReadLines(file).Count() - 1}");
        Console.WriteLine($"import_bytes={bytes.Length}");
        Console.WriteLine($"import_upload_s={uploaded.TotalSeconds:F2}");
        Console.WriteLine($"import_confirm_s={(total - uploaded).TotalSeconds:F2}");
        Console.WriteLine($"import_total_s={total.TotalSeconds:F2}");
        return 0;
    }
}
