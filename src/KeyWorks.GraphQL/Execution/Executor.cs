using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Limits;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Execution;

/// <summary>
/// Runs requests against a schema: parse (with limits), validate, choose the operation, coerce variables,
/// check depth and cost, then execute — queries in parallel, mutations in series (spec section 6).
/// </summary>
public static partial class Executor
{
    /// <summary>Executes a query or mutation. Never throws for a client's mistake: those become errors in the result.</summary>
    public static async Task<ExecutionResult> ExecuteAsync(
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
            return ExecutionResult.RequestError(errors);
        }

        if (prepared.Operation!.Operation == OperationType.Subscription)
        {
            return ExecutionResult.RequestError(new GraphQLError(
                "Subscriptions are delivered over a stream; use SubscribeAsync (WebSocket or Server-Sent Events).",
                [prepared.Operation.Location.ToSourceLocation()], null, GraphQLError.CodeExtension("SUBSCRIPTION_NOT_STREAMED")));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken);
        if (options.Timeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        context.CancellationToken = timeout.Token;
        var execution = new ExecutionContext(schema, prepared.Document!, prepared.Fragments!, prepared.Variables!, context, options);
        try
        {
            return await execution.ExecuteOperationAsync(prepared.Operation, request.RootValue).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ExecutionResult(null, [.. execution.Errors, TimeoutError(options)], hasData: true);
        }
    }

    internal static GraphQLError TimeoutError(ExecutionOptions options) => new(
        $"The request exceeded its execution time limit of {options.Timeout?.TotalSeconds:0.###} seconds.",
        null,
        null,
        GraphQLError.CodeExtension("TIMEOUT"));

    internal sealed record Prepared(
        DocumentNode? Document,
        OperationDefinitionNode? Operation,
        Dictionary<string, FragmentDefinitionNode>? Fragments,
        Dictionary<string, object?>? Variables,
        IReadOnlyList<GraphQLError>? Errors);

    /// <summary>Everything before execution proper; returns errors when the request cannot run.</summary>
    internal static Prepared Prepare(Schema schema, ExecutionRequest request, ExecutionOptions options)
    {
        static Prepared Fail(params GraphQLError[] errors) => new(null, null, null, null, errors);

        var document = request.Document;
        if (document is null)
        {
            if (string.IsNullOrWhiteSpace(request.Query))
            {
                return Fail(new GraphQLError("The request has no query document.", null, null, GraphQLError.CodeExtension("BAD_REQUEST")));
            }

            if (request.Query.Length > options.MaxDocumentLength)
            {
                return Fail(new GraphQLError(
                    $"The query document is {request.Query.Length} characters long; the limit is {options.MaxDocumentLength}.",
                    null, null, GraphQLError.CodeExtension("DOCUMENT_TOO_LARGE")));
            }

            document = DocumentCache.TryParse(request.Query, options.Parser);
            if (document is null)
            {
                try
                {
                    Parser.Parse(request.Query, options.Parser);
                }
                catch (GraphQLSyntaxException error)
                {
                    return Fail(error.ToError());
                }

                return Fail(new GraphQLError("The query document could not be parsed.", null, null, GraphQLError.CodeExtension("GRAPHQL_PARSE_FAILED")));
            }
        }

        if (options.Validate)
        {
            var validationErrors = ValidationCache.Validate(schema, document!);
            if (validationErrors.Count > 0)
            {
                return Fail([.. validationErrors]);
            }
        }

        var operation = SelectOperation(document, request.OperationName, out var operationError);
        if (operation is null)
        {
            return Fail(operationError!);
        }

        var fragments = document.Definitions.OfType<FragmentDefinitionNode>()
            .GroupBy(f => f.Name.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (!options.AllowIntrospection && IntrospectionUse.Find(operation, fragments) is { } introspectionField)
        {
            return Fail(new GraphQLError(
                "Introspection is disabled for this request.",
                [introspectionField.Location.ToSourceLocation()], null, GraphQLError.CodeExtension("INTROSPECTION_DISABLED")));
        }

        var variableErrors = new List<GraphQLError>();
        var variables = InputValues.CoerceVariableValues(schema, operation.VariableDefinitions, request.Variables, variableErrors);
        if (variableErrors.Count > 0)
        {
            return Fail([.. variableErrors]);
        }

        if (options.MaxDepth is not null || options.MaxCost is not null)
        {
            var (depth, cost) = CostAnalyzer.Measure(schema, operation, fragments, variables);
            if (options.MaxDepth is { } maxDepth && depth > maxDepth)
            {
                return Fail(new GraphQLError(
                    $"The operation is {depth} levels deep; the limit is {maxDepth}.",
                    [operation.Location.ToSourceLocation()], null, GraphQLError.CodeExtension("MAX_DEPTH_EXCEEDED")));
            }

            if (options.MaxCost is { } maxCost && cost > maxCost)
            {
                return Fail(new GraphQLError(
                    $"The operation's estimated cost is {cost}; the limit is {maxCost}.",
                    [operation.Location.ToSourceLocation()], null, GraphQLError.CodeExtension("MAX_COST_EXCEEDED")));
            }
        }

        return new Prepared(document, operation, fragments, variables, null);
    }

    private static OperationDefinitionNode? SelectOperation(DocumentNode document, string? operationName, out GraphQLError? error)
    {
        error = null;
        OperationDefinitionNode? selected = null;
        foreach (var operation in document.Definitions.OfType<OperationDefinitionNode>())
        {
            if (operationName is null)
            {
                if (selected is not null)
                {
                    error = new GraphQLError("Must provide operation name if query contains multiple operations.", null, null, GraphQLError.CodeExtension("BAD_REQUEST"));
                    return null;
                }

                selected = operation;
            }
            else if (operation.Name?.Value == operationName)
            {
                selected = operation;
            }
        }

        if (selected is null)
        {
            error = new GraphQLError(
                operationName is null ? "Must provide an operation." : $"Unknown operation named \"{operationName}\".",
                null, null, GraphQLError.CodeExtension("BAD_REQUEST"));
        }

        return selected;
    }
}

/// <summary>Finds a use of <c>__schema</c> or <c>__type</c> in an operation, following fragments.</summary>
internal static class IntrospectionUse
{
    public static FieldNode? Find(OperationDefinitionNode operation, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments) =>
        Find(operation.SelectionSet, fragments, new HashSet<string>(StringComparer.Ordinal));

    private static FieldNode? Find(SelectionSetNode set, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, HashSet<string> seen)
    {
        foreach (var selection in set.Selections)
        {
            var found = selection switch
            {
                FieldNode { Name.Value: "__schema" or "__type" } field => field,
                FieldNode { SelectionSet: { } inner } => Find(inner, fragments, seen),
                InlineFragmentNode inline => Find(inline.SelectionSet, fragments, seen),
                FragmentSpreadNode spread when seen.Add(spread.Name.Value) && fragments.TryGetValue(spread.Name.Value, out var fragment)
                    => Find(fragment.SelectionSet, fragments, seen),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}
