using KeyWorks.Domain;
using KeyWorks.Domain.ReadModels;
using KeyWorks.Domain.Storing;
using KeyWorks.EventStore;
using KeyWorks.GraphQL.Execution;

namespace KeyWorks.Server.Api;

/// <summary>
/// Where a read looks: the model (live, or folded up to <c>asOf</c>), the business date figures are computed for, and
/// the instant problem clocks are read at (now, or the <c>asOf</c> instant).
/// </summary>
public sealed record ReadPoint(KeyWorksReadModel Model, DateOnly Date, DateTimeOffset At)
{
    /// <summary>The live model now.</summary>
    public static ReadPoint Live(FieldContext context)
    {
        var now = ApiClock.Of(context).Time.GetUtcNow();
        return new ReadPoint(context.Request.Services!.GetRequiredService<LiveReadModel>().Current, BusinessCalendar.DateOf(now), now);
    }

    /// <summary>The live model now, or the model as recorded up to the field's <c>asOf</c> argument when it has one.</summary>
    public static async ValueTask<ReadPoint> OfAsync(FieldContext context)
    {
        if (context.Arguments.TryGetValue("asOf", out var value) && value is DateTimeOffset asOf)
        {
            var services = context.Request.Services!;
            var model = await AsOfModels.GetAsync(services.GetRequiredService<PostgresEventStore>(),
                services.GetRequiredService<LiveReadModel>().Current, asOf, context.CancellationToken);
            return new ReadPoint(model, BusinessCalendar.DateOf(asOf), asOf);
        }

        return Live(context);
    }
}

/// <summary>
/// Models as of past instants, kept for reuse. Recorded time never decreases along the log, so once the live model holds an
/// event recorded after T, nothing can be recorded at or before T any more and the fold up to T is final; such folds are
/// kept (at most <see cref="Capacity"/>, the oldest use dropped first). Folds up to T at or after the newest event are not.
/// </summary>
internal static class AsOfModels
{
    public const int Capacity = 32;

    private static readonly Dictionary<DateTimeOffset, (KeyWorksReadModel Model, long LastUse)> Folds = [];
    private static long _uses;

    public static async Task<KeyWorksReadModel> GetAsync(PostgresEventStore store, KeyWorksReadModel live, DateTimeOffset asOf, CancellationToken ct)
    {
        lock (Folds)
        {
            if (Folds.TryGetValue(asOf, out var kept))
            {
                Folds[asOf] = (kept.Model, ++_uses);
                return kept.Model;
            }
        }

        var model = await LiveReadModel.AsOfAsync(store, asOf, ct);
        if (live.RecordedUpTo is { } newest && asOf < newest)
        {
            lock (Folds)
            {
                if (Folds.Count >= Capacity)
                {
                    Folds.Remove(Folds.MinBy(f => f.Value.LastUse).Key);
                }

                Folds[asOf] = (model, ++_uses);
            }
        }

        return model;
    }
}
