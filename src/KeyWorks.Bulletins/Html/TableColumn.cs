namespace KeyWorks.Bulletins.Html;

/// <summary>A column of a bulletin table: header, cell text and the cell's CSS class (e.g. "num" for figures).</summary>
internal sealed record TableColumn<T>(string Header, Func<T, string> Cell, string? CssClass = null, Func<T, string?>? CellClass = null);

internal static class Tables
{
    /// <summary>
    /// A table whose header repeats on every page it spans (thead is a table-header-group) and whose rows
    /// never split across pages.
    /// </summary>
    public static void Write<T>(HtmlWriter html, string cssClass, IReadOnlyList<TableColumn<T>> columns, IEnumerable<T> rows, Func<T, string?>? rowClass = null)
    {
        html.Open("table", "data " + cssClass).Open("thead").Open("tr");
        foreach (var column in columns)
        {
            // A header may break where the column asks ("年度计划\n（万元）"), never elsewhere.
            var lines = column.Header.Split('\n');
            html.Open("th", column.CssClass);
            for (var i = 0; i < lines.Length; i++)
            {
                html.Raw(i == 0 ? "" : "<br>").Text(lines[i]);
            }

            html.Close("th");
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var row in rows)
        {
            html.Open("tr", rowClass?.Invoke(row));
            foreach (var column in columns)
            {
                var cellClass = column.CellClass?.Invoke(row);
                html.Element("td", cellClass is null ? column.CssClass : $"{column.CssClass} {cellClass}".Trim(), column.Cell(row));
            }

            html.Close("tr");
        }

        html.Close("tbody").Close("table");
    }
}
