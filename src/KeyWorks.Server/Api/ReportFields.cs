using System.Globalization;
using KeyWorks.GraphQL;
using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.Server.Api;

/// <summary>
/// A project's reports (pending, confirmed, rejected; paged), its latest physical progress and its full event history
/// (paged), from <see cref="ProjectRecords"/> cut at the project's read-model position, so "as of" holds for them too.
/// </summary>
public static class ReportFields
{
    public static SchemaBuilder BindReports(this SchemaBuilder schema) => schema
        .BindType<InvestmentReportResult>("InvestmentReport")
        .BindType<ProgressReportResult>("ProgressReport")
        .BindType<NodeReportResult>("NodeReport")
        .Bind("Project.reports", Reports)
        .Bind("Project.latestProgress", LatestProgress)
        .Bind("Project.history", History);

    /// <summary>The project's reports as known at its read model's position, newest submission first.</summary>
    internal static IEnumerable<ReportResult> ReportsOf(FieldContext context, ProjectResult project) =>
        Records(context).Of(project.State.Id).Reports
            .Select(r => r.At(project.Model.Position))
            .OfType<ReportRecord>()
            .Reverse()
            .Select(r => ReportResult.For(r, project));

    /// <summary>A report by its global id, as known now, or null when there is none.</summary>
    internal static ReportResult? Find(FieldContext context, ProjectResult project, long position) =>
        Records(context).Find(project.State.Id, position, project.Model.Position) is { } record ? ReportResult.For(record, project) : null;

    /// <summary>The project and submission position of a report id (<c>InvestmentReport:zjdd/1234</c>), or null.</summary>
    internal static (string ProjectId, long Position)? ParseReportId(string id) =>
        ApiObjects.ParseGlobalId(id) is ("InvestmentReport" or "ProgressReport" or "NodeReport", var local)
        && local.LastIndexOf('/') is > 0 and var slash
        && long.TryParse(local[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? (local[..slash], position)
            : null;

    private static object? Reports(FieldContext context)
    {
        var project = context.GetSource<ProjectResult>();
        var status = context.Argument<string>("status");
        var all = ReportsOf(context, project).Where(r => status is null || r.Status == status).ToList();
        return Page(context, "report", all, 20, (cursor, r) => new Dictionary<string, object?> { ["cursor"] = cursor, ["node"] = r },
            (page, pageInfo) => new Dictionary<string, object?>
            {
                ["edges"] = page.Edges,
                ["nodes"] = page.Items,
                ["pageInfo"] = pageInfo,
                ["totalCount"] = all.Count,
            });
    }

    /// <summary>The newest progress report that was not rejected.</summary>
    private static object? LatestProgress(FieldContext context)
    {
        var project = context.GetSource<ProjectResult>();
        return ReportsOf(context, project).FirstOrDefault(r => r.Record.Kind == ReportKind.Progress && r.Status != "REJECTED");
    }

    /// <summary>Every event of the project up to its read model's position, newest first.</summary>
    private static object? History(FieldContext context)
    {
        var project = context.GetSource<ProjectResult>();
        var all = Records(context).Of(project.State.Id).History.Where(h => h.Position <= project.Model.Position).Reverse().ToList();
        return Page(context, "history", all, 50, (cursor, h) => new Dictionary<string, object?>
        {
            ["cursor"] = cursor,
            ["node"] = new Dictionary<string, object?>
            {
                ["position"] = h.Position,
                ["type"] = h.Type,
                ["summary"] = h.Summary,
                ["recordedBy"] = h.RecordedBy,
                ["recordedAt"] = h.RecordedAt,
                ["businessDate"] = h.BusinessDate,
                ["data"] = h.Data,
            },
        }, (page, pageInfo) => new Dictionary<string, object?>
        {
            ["edges"] = page.Edges,
            ["pageInfo"] = pageInfo,
            ["totalCount"] = all.Count,
        });
    }

    /// <summary>Forward paging with <c>first</c>/<c>after</c>; cursors are base64 of <c>prefix:index</c>.</summary>
    private static object Page<T>(
        FieldContext context, string prefix, List<T> all, int defaultFirst,
        Func<string, T, object> edge, Func<(List<object> Edges, List<T> Items), Dictionary<string, object?>, object> connection)
    {
        var first = context.Arguments.ContainsKey("first") ? context.Argument<int?>("first") ?? defaultFirst : defaultFirst;
        if (first < 0)
        {
            throw new GraphQLException("`first` may not be negative.", "BAD_USER_INPUT");
        }

        var start = 0;
        if (context.Argument<string>("after") is { } after)
        {
            start = Cursors.Decode(prefix, after) is { } index && index >= 0 && index < all.Count ? index + 1
                : throw new GraphQLException($"Invalid cursor \"{after}\".", "BAD_USER_INPUT");
        }

        var items = all.Skip(start).Take(first).ToList();
        var edges = items.Select((item, i) => edge(Cursors.Encode(prefix, start + i), item)).ToList();
        var pageInfo = new Dictionary<string, object?>
        {
            ["hasNextPage"] = start + items.Count < all.Count,
            ["hasPreviousPage"] = start > 0,
            ["startCursor"] = items.Count > 0 ? Cursors.Encode(prefix, start) : null,
            ["endCursor"] = items.Count > 0 ? Cursors.Encode(prefix, start + items.Count - 1) : null,
        };
        return connection((edges, items), pageInfo);
    }

    private static ProjectRecords Records(FieldContext context) => context.Request.Services!.GetRequiredService<ProjectRecords>();
}
