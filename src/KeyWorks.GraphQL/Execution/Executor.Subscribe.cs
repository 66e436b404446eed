using System.Runtime.CompilerServices;
using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Execution;

/// <summary>The outcome of subscribing: either request errors, or a stream with one result per event.</summary>
public sealed class SubscriptionResult
{
    internal SubscriptionResult(IReadOnlyList<GraphQLError> errors)
    {
        Errors = errors;
    }

    internal SubscriptionResult(IAsyncEnumerable<ExecutionResult> stream)
    {
        Stream = stream;
        Errors = [];
    }

    /// <summary>Why the subscription could not start; empty when <see cref="Stream"/> is set.</summary>
    public IReadOnlyList<GraphQLError> Errors { get; }

    public IAsyncEnumerable<ExecutionResult>? Stream { get; }
}

public static partial class Executor
{
    /// <summary>
    /// Subscribes (spec 6.2.3): the subscription root field's event stream, each event executed as the root
    /// value of the selection set. A query or mutation yields a stream of its single result.
    /// </summary>
    public static async Task<SubscriptionResult> SubscribeAsync(
        Schema schema,
        ExecutionRequest request,
        RequestContext? context = null,
        ExecutionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= ExecutionOptions.Default;
        context ??= new RequestContext(cancellationToken: cancellationToken);
        var prepared = Prepare(schema, request, options);
        if (prepared.Errors is { } errors)
        {
            return new SubscriptionResult(errors);
        }

        var operation = prepared.Operation!;
        if (operation.Operation != OperationType.Subscription)
        {
            var result = await ExecuteAsync(schema, request with { Document = prepared.Document }, context, options, cancellationToken).ConfigureAwait(false);
            return result.HasData ? new SubscriptionResult(Single(result)) : new SubscriptionResult(result.Errors);
        }

        var rootType = schema.SubscriptionType;
        if (rootType is null)
        {
            return new SubscriptionResult([new GraphQLError("Schema is not configured to execute subscription operation.", [operation.Location.ToSourceLocation()])]);
        }

        var grouped = new List<KeyValuePair<string, List<FieldNode>>>();
        FieldCollector.Collect(schema, prepared.Fragments!, rootType, operation.SelectionSet, prepared.Variables, grouped, new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        var (key, nodes) = grouped[0];
        var field = rootType.GetField(nodes[0].Name.Value)!;
        var path = ResponsePath.Root(key);
        var locations = nodes.Select(n => n.Location.ToSourceLocation()).ToList();
        IAsyncEnumerable<object?> events;
        try
        {
            var arguments = InputValues.CoerceArgumentValues(field.Arguments, nodes[0].Arguments, prepared.Variables, nodes[0]);
            var subscriber = field.Subscriber
                ?? throw new GraphQLException($"Subscription field \"{rootType.Name}.{field.Name}\" has no event stream bound (SchemaBuilder.BindSubscription).");
            events = subscriber(new FieldContext(request.RootValue, arguments, field, rootType, nodes, path, context, schema));
        }
        catch (GraphQLException error)
        {
            return new SubscriptionResult([error.ToError(locations, path.ToList())]);
        }

        return new SubscriptionResult(MapEvents(schema, prepared, events, context, options, cancellationToken));
    }

    private static async IAsyncEnumerable<ExecutionResult> Single(ExecutionResult result)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield return result;
    }

    private static async IAsyncEnumerable<ExecutionResult> MapEvents(
        Schema schema,
        Prepared prepared,
        IAsyncEnumerable<object?> events,
        RequestContext context,
        ExecutionOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var @event in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // Each event gets fresh loaders, so a later event never sees values cached for an earlier one.
            var eventContext = new RequestContext(context.User, context.Services, cancellationToken);
            foreach (var (name, value) in context.Items)
            {
                eventContext.Items[name] = value;
            }

            var execution = new ExecutionContext(schema, prepared.Document!, prepared.Fragments!, prepared.Variables!, eventContext, options);
            yield return await execution.ExecuteOperationAsync(prepared.Operation!, @event).ConfigureAwait(false);
        }
    }
}
