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
            var store = context.Request.Services!.GetRequiredService<PostgresEventStore>();
            var model = await LiveReadModel.AsOfAsync(store, asOf, context.CancellationToken);
            return new ReadPoint(model, BusinessCalendar.DateOf(asOf), asOf);
        }

        return Live(context);
    }
}
