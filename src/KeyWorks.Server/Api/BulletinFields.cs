using System.Runtime.CompilerServices;
using KeyWorks.Bulletins.Drafting;
using KeyWorks.Bulletins.Storing;
using KeyWorks.Domain;
using KeyWorks.Domain.Storing;
using KeyWorks.GraphQL;
using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.Server.Api;

/// <summary>
/// Monthly bulletins: the list, <c>node(id:)</c> for a bulletin, <c>generateBulletin</c> and <c>publishBulletin</c> (office,
/// through <see cref="MutationPipeline"/>), and <c>bulletinReady</c>. Office and auditors see every run; leaders see
/// published bulletins only; contractors none (a bulletin ranks every unit and project of the programme).
/// </summary>
public static class BulletinFields
{
    public static SchemaBuilder BindBulletins(this SchemaBuilder schema) => schema
        .Bind("Query.bulletins", ListAsync)
        .BindMutation("Mutation.generateBulletin", GenerateAsync)
        .BindMutation("Mutation.publishBulletin", PublishAsync)
        .BindSubscription("Subscription.bulletinReady", Ready)
        .Bind("Subscription.bulletinReady", context => context.Source);

    /// <summary>The bulletin of a <c>Bulletin:…</c> id for <c>node(id:)</c>, or null when absent or not the caller's to see.</summary>
    public static async ValueTask<object?> FindAsync(FieldContext context, ApiUser user, string localId)
    {
        if (!Guid.TryParse(localId, out var id) || !MaySee(user, null))
        {
            return null;
        }

        var run = await Services(context).GetRequiredService<BulletinStore>().GetAsync(id, context.CancellationToken);
        return run is not null && MaySee(user, run) ? Result(context, run) : null;
    }

    /// <summary>Whether the user may read bulletins at all (<paramref name="run"/> null) or this run.</summary>
    public static bool MaySee(ApiUser user, StoredBulletin? run) => user.Role switch
    {
        Role.Office or Role.Auditor => true,
        Role.Leader => run is null || run.Status == BulletinStatus.Published,
        _ => false,
    };

    private static async ValueTask<object?> ListAsync(FieldContext context)
    {
        var user = ApiAuth.Require(context);
        if (!MaySee(user, null))
        {
            throw new GraphQLException("Bulletins are for the office, leaders and auditors (无权查看月通报).", "FORBIDDEN");
        }

        string? programmeId = null;
        if (context.Argument<string>("programmeId") is { } programme)
        {
            programmeId = ApiObjects.ParseGlobalId(programme) is ("Programme", var local) ? local
                : throw new GraphQLException($"{programme} is not a programme id (标识无效).", "BAD_USER_INPUT");
        }

        var first = Math.Clamp(context.Argument<int?>("first") ?? 20, 0, 100);
        var start = context.Argument<string>("after") is { } after ? DecodeCursor(after) + 1 : 0;
        var store = Services(context).GetRequiredService<BulletinStore>();
        var publishedOnly = user.Role == Role.Leader;
        var total = await store.CountAsync(programmeId, context.CancellationToken, publishedOnly);
        var page = await store.ListAsync(programmeId, start, first, context.CancellationToken, publishedOnly);
        var edges = page.Select((run, i) => new Dictionary<string, object?> { ["cursor"] = Cursors.Encode("bulletin", start + i), ["node"] = Result(context, run) }).ToList();
        return new Dictionary<string, object?>
        {
            ["edges"] = edges,
            ["nodes"] = edges.Select(e => e["node"]).ToList(),
            ["totalCount"] = total,
            ["pageInfo"] = new Dictionary<string, object?>
            {
                ["hasNextPage"] = start + page.Count < total,
                ["hasPreviousPage"] = start > 0,
                ["startCursor"] = page.Count > 0 ? Cursors.Encode("bulletin", start) : null,
                ["endCursor"] = page.Count > 0 ? Cursors.Encode("bulletin", start + page.Count - 1) : null,
            },
        };
    }

    private static async Task<object?> GenerateAsync(MutationContext m)
    {
        m.RequireRole(Role.Office);
        var programmeId = m.RequireId("programmeId", "Programme");
        var leaderId = m.Get<string>("leaderId") is null ? null : m.RequireId("leaderId", "Leader");
        var requests = Services(m.Field).GetRequiredService<BulletinRequests>();
        try
        {
            var run = await requests.GenerateAsync(programmeId, m.Get<DateOnly>("month"), leaderId, m.User.UserId,
                $"{m.User.UserId}:{m.IdempotencyKey}", m.CancellationToken);
            return new Dictionary<string, object?> { ["bulletin"] = Result(m.Field, run) };
        }
        catch (BulletinRequestException e)
        {
            throw MutationRejected.At(e.Code, e.Message, e.Field);
        }
    }

    private static async Task<object?> PublishAsync(MutationContext m)
    {
        m.RequireRole(Role.Office);
        var id = ApiObjects.ParseGlobalId(m.Get<string>("bulletinId") ?? "") is ("Bulletin", var local) && Guid.TryParse(local, out var guid)
            ? guid
            : throw MutationRejected.At(BulletinRequestException.BulletinNotFound, "bulletinId is not a bulletin id (标识无效).", "bulletinId");
        var requests = Services(m.Field).GetRequiredService<BulletinRequests>();
        try
        {
            var run = await requests.PublishAsync(id, m.Get<string>("recommendations") ?? "", m.User.Name,
                $"{m.User.UserId}:{m.IdempotencyKey}", m.CancellationToken);
            return new Dictionary<string, object?> { ["bulletin"] = Result(m.Field, run) };
        }
        catch (BulletinRequestException e)
        {
            throw MutationRejected.At(e.Code, e.Message, e.Field);
        }
    }

    /// <summary>Checks the caller now (before the stream starts), then streams each run the caller may see as it changes.</summary>
    private static IAsyncEnumerable<object?> Ready(FieldContext context)
    {
        var user = ApiAuth.Require(context);
        if (!MaySee(user, null))
        {
            throw new GraphQLException("Bulletins are for the office, leaders and auditors (无权查看月通报).", "FORBIDDEN");
        }

        return ChangesAsync(context, user, context.CancellationToken);
    }

    private static async IAsyncEnumerable<object?> ChangesAsync(FieldContext context, ApiUser user, [EnumeratorCancellation] CancellationToken ct)
    {
        var store = Services(context).GetRequiredService<BulletinStore>();
        await foreach (var id in Services(context).GetRequiredService<BulletinChanges>().ReadAsync(ct))
        {
            if (await store.GetAsync(id, ct) is { } run && MaySee(user, run))
            {
                yield return Result(context, run);
            }
        }
    }

    private static Dictionary<string, object?> Result(FieldContext context, StoredBulletin run)
    {
        var model = Services(context).GetRequiredService<LiveReadModel>().Current;
        var programme = model.Programmes.GetValueOrDefault(run.ProgrammeId);
        return new Dictionary<string, object?>
        {
            ["__typename"] = "Bulletin",
            ["id"] = ApiObjects.GlobalId("Bulletin", run.Id.ToString()),
            ["programme"] = programme is null ? null : ProjectFields.Programme(model, programme),
            ["month"] = run.Month.FirstDay,
            ["issue"] = run.Issue,
            ["title"] = run.Title,
            ["status"] = run.Status.ToString().ToUpperInvariant(),
            ["cutoff"] = run.Cutoff,
            ["recommendations"] = run.Recommendations,
            ["progress"] = run.Progress,
            ["failure"] = run.Failure,
            ["attempts"] = run.Attempts,
            ["queuedAt"] = run.QueuedAt,
            ["startedAt"] = run.StartedAt,
            ["finishedAt"] = run.FinishedAt,
            ["durationMs"] = run.DurationMs,
            ["publishedAt"] = run.PublishedAt,
            ["publishedBy"] = run.PublishedBy,
            ["pageCount"] = run.PageCount,
            ["contentHash"] = run.ContentHash,
            ["downloadUrl"] = run.ContentHash is null ? null : BulletinDownloads.PathOf(run.Id),
        };
    }

    private static IServiceProvider Services(FieldContext context) =>
        context.Request.Services ?? throw new InvalidOperationException("The request has no services.");

    private static int DecodeCursor(string cursor) =>
        Cursors.Decode("bulletin", cursor) ?? throw new GraphQLException("after is not a cursor of this list (游标无效).", "BAD_USER_INPUT");
}
