using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Portal.Domain.Catalogue;

namespace Portal.Web.Features.Supervision;

/// <summary>One table of the dashboard, as exported: a name (the CSV's and the sheet's), headers and rows of plain values.</summary>
public sealed record ExportTable(string Name, string Title, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);

/// <summary>The dashboard's tables as CSV (one table) or Excel (every table, a sheet each), with the same numbers as the pages.</summary>
public static class Exports
{
    public static readonly IReadOnlyList<string> TableNames = ["queues", "communes", "days", "procedures", "backlog", "breaches", "officers"];

    /// <summary>The tables; <paramref name="communes"/> with the heat map's colour (on-time rate) and Decision 766 points, and the forecast count per commune.</summary>
    public static IReadOnlyList<ExportTable> Tables(
        IReadOnlyList<UnitFigures> queues, IReadOnlyList<UnitFigures> communes, Func<UnitFigures, string> colourOf, IReadOnlyDictionary<string, int> breachCounts,
        IReadOnlyList<DayFigures> days, IReadOnlyList<ProcedureFigures> procedures, IReadOnlyList<AgeBucket> backlog, IReadOnlyList<Breach> breaches,
        IReadOnlyList<(string Queue, OfficerFigures Officer)>? officers = null) =>
    [
        new("queues", "Hàng đợi",
            ["commune_code", "commune_name", "agency", "received_online", "received_direct", "completed_early", "completed_on_time", "completed_late", "on_time_rate",
             "refused", "withdrawn", "supplement_requests", "open", "open_overdue", "waived_vnd"],
            [.. queues.Select(r => new object?[]
            {
                r.CommuneCode, r.CommuneName, r.Agency == HandlingAgency.CommunePolice ? "police" : "committee", r.ReceivedOnline, r.ReceivedDirect, r.Early, r.OnTime, r.Late,
                r.OnTimeRate is { } rate ? Math.Round(rate, 1) : null, r.Refused, r.Withdrawn, r.Supplements, r.Open, r.OpenOverdue, r.WaivedVnd,
            })]),
        new("communes", "Xã, phường",
            ["commune_code", "commune_name", "received", "completed", "on_time_rate", "online_share", "satisfaction", "open", "open_overdue", "colour_on_time",
             "points_timeliness_20", "points_online_22", "points_digitisation_22", "points_satisfaction_18", "points_total_82", "forecast_to_miss"],
            [.. communes.Select(c => (Unit: c, Score: Scorecard.Of(c))).Select(x => new object?[]
            {
                x.Unit.CommuneCode, x.Unit.CommuneName, x.Unit.Received, x.Unit.Completed, Rounded(x.Unit.OnTimeRate), Rounded(x.Unit.OnlineShare), Rounded(x.Unit.Satisfaction),
                x.Unit.Open, x.Unit.OpenOverdue, colourOf(x.Unit), Math.Round(x.Score.Timeliness, 1), Math.Round(x.Score.Online, 1), Math.Round(x.Score.Digitisation, 1),
                Math.Round(x.Score.Satisfaction, 1), Math.Round(x.Score.Total, 1), breachCounts.GetValueOrDefault(x.Unit.CommuneCode),
            })]),
        new("days", "Theo ngày", ["day", "received", "completed", "completed_late"],
            [.. days.Select(d => new object?[] { d.Day, d.Received, d.Completed, d.Late })]),
        new("procedures", "Theo thủ tục", ["procedure_code", "procedure_name", "completed", "completed_late", "late_rate", "average_processing_days"],
            [.. procedures.Select(p => new object?[] { p.ProcedureCode, p.Name, p.Completed, p.Late, Math.Round(p.LateRate, 1), p.AverageDays is { } days ? Math.Round(days, 2) : null })]),
        new("backlog", "Tồn theo tuổi", ["days_since_filing", "open"],
            [.. backlog.Select(b => new object?[] { b.Label, b.Count })]),
        new("breaches", "Dự báo trễ hạn", ["commune_code", "queue", "dossier_code", "due_at", "expected_day"],
            [.. breaches.Select(b => new object?[] { b.CommuneCode, b.QueueName, b.DossierCode, b.DueAt, b.ExpectedDay })]),
        new("officers", "Cán bộ", ["queue", "officer", "open", "open_overdue"],
            [.. (officers ?? []).Select(o => new object?[] { o.Queue, o.Officer.UserName, o.Officer.Open, o.Officer.Overdue })]),
    ];

    /// <summary>UTF-8 with a byte-order mark, so spreadsheet programs read the Vietnamese names; invariant numbers, ISO dates.</summary>
    public static byte[] Csv(ExportTable table)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', table.Headers));
        foreach (var row in table.Rows)
        {
            csv.AppendLine(string.Join(',', row.Select(CsvValue)));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] Excel(IReadOnlyList<ExportTable> tables, string title)
    {
        using var workbook = new XLWorkbook();
        foreach (var table in tables)
        {
            var sheet = workbook.AddWorksheet(table.Title);
            sheet.Cell(1, 1).Value = $"{title} — {table.Title}";
            sheet.Cell(1, 1).Style.Font.Bold = true;
            for (var c = 0; c < table.Headers.Count; c++)
            {
                sheet.Cell(2, c + 1).Value = table.Headers[c];
                sheet.Cell(2, c + 1).Style.Font.Bold = true;
                sheet.Column(c + 1).Width = Math.Max(12, table.Headers[c].Length + 2); // no AutoFit: it needs GDI+, absent on Linux
            }

            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.Headers.Count; c++)
                {
                    var cell = sheet.Cell(r + 3, c + 1);
                    switch (table.Rows[r][c])
                    {
                        case null: break;
                        case int i: cell.Value = i; break;
                        case long l: cell.Value = l; break;
                        case double d: cell.Value = d; break;
                        case DateOnly day: cell.Value = day.ToDateTime(TimeOnly.MinValue); cell.Style.DateFormat.Format = "dd/MM/yyyy"; break;
                        case DateTimeOffset at: cell.Value = Portal.Domain.Calendar.VietnamTime.ToLocal(at).DateTime; cell.Style.DateFormat.Format = "dd/MM/yyyy HH:mm"; break;
                        case var other: cell.Value = Convert.ToString(other, CultureInfo.InvariantCulture); break;
                    }
                }
            }

            sheet.SheetView.FreezeRows(2);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static double? Rounded(double? value) => value is { } v ? Math.Round(v, 1) : null;

    private static string CsvValue(object? value) => value switch
    {
        null => string.Empty,
        string s => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s,
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
        double d => d.ToString("0.0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? string.Empty,
    };
}
