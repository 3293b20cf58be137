using Google.Protobuf.WellKnownTypes;
using Spectre.Console;

namespace Platform.Cli.Output;

/// <summary>Plain tables and key/value listings; every cell is escaped, never read as markup.</summary>
internal static class Tables
{
    public static Table Create(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns) table.AddColumn(new TableColumn(Markup.Escape(column)).NoWrap());
        return table;
    }

    public static Table AddCells(this Table table, params string?[] cells) =>
        table.AddRow(cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c ?? "")).ToArray());

    /// <summary>Two columns, field and value: one record.</summary>
    public static Table Record(params (string Field, string? Value)[] rows)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("field").AddColumn("value");
        foreach (var (field, value) in rows) table.AddCells(field, value);
        return table;
    }

    public static string Time(Timestamp? timestamp) =>
        timestamp is null ? "" : timestamp.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'");

    public static void Line(this IAnsiConsole console, string text) => console.WriteLine(text);

    public static void Total(this IAnsiConsole console, int shown, int total, int offset) =>
        console.WriteLine(total > shown ? $"{shown} of {total} (offset {offset})" : $"{total} in all");
}
