using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UnvReporting.Domain;
using UnvReporting.Domain.Statistics;

namespace UnvReporting.Web.Import;

/// <summary>An indicator-year as the template pre-fills it, with the version it had when the template was made.</summary>
public sealed record IndicatorTemplateRow(string Key, string Code, string Title, Unit Unit, decimal? Milestone, decimal? Result, string? NarrativeEn, string? NarrativeZh, string Version);

public sealed record StatisticTemplateRow(string Metric, string? Dimension, string? Member, decimal Value, Qualifier Qualifier, string Source, string? Note, string Version);

/// <summary>
/// Writes the import templates: an XLSX workbook with an indicator sheet and a statistics sheet
/// (bold, frozen header; figures as numbers), and a CSV file of the indicator sheet.
/// </summary>
public static class Templates
{
    private const uint BoldStyle = 1;

    public static byte[] Xlsx(IReadOnlyList<IndicatorTemplateRow> indicators, IReadOnlyList<StatisticTemplateRow> statistics)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
            var sheets = workbook.Workbook.AppendChild(new Sheets());

            AddSheet(workbook, sheets, 1, IndicatorSheet.Name, IndicatorSheet.Columns, [8, 10, 60, 10, 12, 12, 60, 60, 10], indicators.Select(r => new object?[]
            {
                r.Key, r.Code, r.Title, r.Unit.ToString(), r.Milestone, r.Result, r.NarrativeEn, r.NarrativeZh, r.Version,
            }));
            AddSheet(workbook, sheets, 2, StatisticsSheet.Name, StatisticsSheet.Columns, [30, 16, 30, 14, 12, 30, 50, 10], statistics.Select(r => new object?[]
            {
                r.Metric, r.Dimension, r.Member, r.Value, r.Qualifier.ToString(), r.Source, r.Note, r.Version,
            }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    public static byte[] Csv(IReadOnlyList<IndicatorTemplateRow> indicators)
    {
        using var stream = new MemoryStream();

        // With a byte order mark Excel opens the file as UTF-8, so Chinese narratives survive.
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var column in IndicatorSheet.Columns)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var r in indicators)
            {
                foreach (var field in new[] { r.Key, r.Code, Text(r.Title), r.Unit.ToString(), Number(r.Milestone), Number(r.Result), Text(r.NarrativeEn), Text(r.NarrativeZh), r.Version })
                {
                    csv.WriteField(field);
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    private static string? Text(string? value) => value is null ? null : SpreadsheetReader.Escape(value);

    private static string? Number(decimal? value) => SheetFields.Show(value);

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, IReadOnlyList<string> header, double[] widths, IEnumerable<object?[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(MakeRow(1, header.Cast<object?>().ToArray(), BoldStyle));
        uint number = 2;
        foreach (var row in rows)
        {
            data.Append(MakeRow(number++, row, null));
        }

        var columns = new Columns(widths.Select((width, index) => new Column { Min = (uint)index + 1, Max = (uint)index + 1, Width = width, CustomWidth = true }));

        // The header stays in view while scrolling: the pane is frozen below row 1.
        var view = new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        {
            TabSelected = id == 1,
            WorkbookViewId = 0,
        };
        part.Worksheet = new Worksheet(new SheetViews(view), columns, data);
        sheets.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Row MakeRow(uint number, object?[] values, uint? style)
    {
        var row = new Row { RowIndex = number };
        for (var column = 0; column < values.Length; column++)
        {
            var reference = $"{(char)('A' + column)}{number}";
            Cell? cell = values[column] switch
            {
                decimal d => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(SheetFields.Show(d)!) },
                string { Length: > 0 } s => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s) { Space = SpaceProcessingModeValues.Preserve }) },
                _ => null,
            };
            if (cell is not null)
            {
                if (style is { } s)
                {
                    cell.StyleIndex = s;
                }

                row.Append(cell);
            }
        }

        return row;
    }
}
