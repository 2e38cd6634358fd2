using System.Text;
using CsvHelper;

namespace UnvReporting.Web.Platform.Files;

/// <summary>
/// Writes an export as RFC 4180 CSV straight to the response, row by row, so memory stays flat
/// however many rows there are.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static async Task WriteAsync(HttpResponse response, string fileName, IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        // The query runs, and the first row is read, before the first byte is sent: a database
        // that cannot be reached then fails a response not yet started, which still becomes the
        // 503 page with Retry-After. Once the header row is out, a failure can only cut it short.
        await using var row = rows.GetAsyncEnumerator(cancellationToken);
        var hasRow = await row.MoveNextAsync();

        response.ContentType = ContentType;
        response.Headers.ContentDisposition = $"attachment; filename={fileName}";

        // With a byte order mark Excel opens the file as UTF-8, so the Chinese definitions survive.
        // Everything is flushed asynchronously: the server refuses synchronous writes to a response.
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in columns)
        {
            csv.WriteField(column.Header);
        }

        await csv.NextRecordAsync();
        for (; hasRow; hasRow = await row.MoveNextAsync())
        {
            for (var i = 0; i < columns.Count; i++)
            {
                csv.WriteField(Field(row.Current[i]));
            }

            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }

    private static string? Field(object? value) => value switch
    {
        null => null,
        string text => FormulaGuard.Neutralise(text),
        decimal number => number.WithoutTrailingZeros().ToString(CultureInfo.InvariantCulture),
        Measure measure => measure.Value.WithoutTrailingZeros().ToString(CultureInfo.InvariantCulture),
        Rating rating => Words.Rating(rating),
        Unit unit => Words.Unit(unit),
        Qualifier qualifier => Words.Qualifier(qualifier),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => FormulaGuard.Neutralise(value.ToString() ?? string.Empty),
    };
}
