using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Execution;

/// <summary>
/// The state of one execution: schema, fragments, coerced variables, collected errors and the field plans
/// (fields grouped per object type, with their arguments coerced once per request).
/// </summary>
internal sealed partial class ExecutionContext(
    Schema schema,
    DocumentNode document,
    Dictionary<string, FragmentDefinitionNode> fragments,
    Dictionary<string, object?> variables,
    RequestContext request,
    ExecutionOptions options)
{
    /// <summary>Marks a null that must propagate to the nearest nullable parent.</summary>
    private static readonly object Propagate = new();

    private readonly List<GraphQLError> _errors = [];

    public IReadOnlyList<GraphQLError> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public DocumentNode Document => document;

    public async Task<ExecutionResult> ExecuteOperationAsync(OperationDefinitionNode operation, object? rootValue)
    {
        var rootType = schema.GetRootType(operation.Operation);
        if (rootType is null)
        {
            return ExecutionResult.RequestError(new GraphQLError(
                $"Schema is not configured to execute {Printer.OperationKeyword(operation.Operation)} operation.",
                [operation.Location.ToSourceLocation()]));
        }

        var plan = RootPlan(rootType, operation.SelectionSet);
        var data = await RunWithLoadersAsync(() => operation.Operation == OperationType.Mutation
            ? ExecuteSeriallyAsync(rootType, rootValue, plan)
            : ExecuteSelectionSetAsync(rootType, rootValue, plan, null)).ConfigureAwait(false);
        return new ExecutionResult(ReferenceEquals(data, Propagate) ? null : data, Errors, hasData: true);
    }

    internal sealed class FieldPlan(ObjectType parentType, string key, List<FieldNode> nodes, FieldDefinition? definition, bool isTypeName)
    {
        private Dictionary<ObjectType, SelectionPlan>? _subPlans;

        public ObjectType ParentType { get; } = parentType;

        public string Key { get; } = key;

        public List<FieldNode> Nodes { get; } = nodes;

        public FieldDefinition? Definition { get; } = definition;

        public bool IsTypeName { get; } = isTypeName;

        public IReadOnlyDictionary<string, object?>? Arguments { get; set; }

        private AccessorCache? _accessor;

        /// <summary>The default resolver, with the property accessor cached for the last CLR type seen.</summary>
        public object? Read(object? source)
        {
            if (source is null or IReadOnlyDictionary<string, object?> or IDictionary<string, object?>)
            {
                return DefaultResolver.Resolve(source, Definition!.Name);
            }

            var sourceType = source.GetType();
            var cache = _accessor;
            if (cache is null || !ReferenceEquals(cache.Type, sourceType))
            {
                cache = new AccessorCache(sourceType, DefaultResolver.Accessor(sourceType, Definition!.Name));
                _accessor = cache;
            }

            return cache.Read?.Invoke(source);
        }

        private sealed record AccessorCache(Type Type, Func<object, object?>? Read);

        public GraphQLException? ArgumentError { get; set; }

        public IReadOnlyList<SourceLocation> Locations { get; } = nodes.Select(n => n.Location.ToSourceLocation()).ToArray();

        public SelectionPlan SubPlan(ExecutionContext context, ObjectType type)
        {
            lock (this)
            {
                _subPlans ??= [];
                if (!_subPlans.TryGetValue(type, out var plan))
                {
                    plan = context.CollectPlan(type, Nodes.Where(n => n.SelectionSet is not null).Select(n => n.SelectionSet!));
                    _subPlans[type] = plan;
                }

                return plan;
            }
        }
    }

    internal sealed class SelectionPlan(string[] keys, FieldPlan[] fields)
    {
        public string[] Keys { get; } = keys;

        public FieldPlan[] Fields { get; } = fields;
    }

    private SelectionPlan RootPlan(ObjectType type, SelectionSetNode selectionSet) => CollectPlan(type, [selectionSet]);

    private SelectionPlan CollectPlan(ObjectType type, IEnumerable<SelectionSetNode> selectionSets)
    {
        var grouped = new List<KeyValuePair<string, List<FieldNode>>>();
        var index = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in selectionSets)
        {
            FieldCollector.Collect(schema, fragments, type, set, variables, grouped, index, visited);
        }

        // Fields the type does not define are left out of the response (only possible without validation).
        grouped.RemoveAll(g => Validation.TypeInfo.GetFieldDef(schema, type, g.Value[0].Name.Value) is null);
        var fields = new FieldPlan[grouped.Count];
        for (var i = 0; i < grouped.Count; i++)
        {
            var (key, nodes) = grouped[i];
            var name = nodes[0].Name.Value;
            var definition = Validation.TypeInfo.GetFieldDef(schema, type, name);
            var plan = new FieldPlan(type, key, nodes, definition, name == "__typename");
            if (definition is not null && !plan.IsTypeName)
            {
                try
                {
                    plan.Arguments = definition.Arguments.Count == 0 && nodes[0].Arguments.Count == 0
                        ? EmptyArguments
                        : InputValues.CoerceArgumentValues(definition.Arguments, nodes[0].Arguments, variables, nodes[0]);
                }
                catch (GraphQLException error)
                {
                    plan.ArgumentError = error;
                }
            }

            fields[i] = plan;
        }

        return new SelectionPlan(grouped.Select(g => g.Key).ToArray(), fields);
    }

    private static readonly IReadOnlyDictionary<string, object?> EmptyArguments = new Dictionary<string, object?>();

    private void AddError(Exception exception, FieldPlan field, ResponsePath path)
    {
        var error = exception switch
        {
            GraphQLException graphQL => graphQL.ToError(field.Locations, path.ToList()),
            not OperationCanceledException when options.TranslateException?.Invoke(exception) is { } translated =>
                translated.ToError(field.Locations, path.ToList()),
            OperationCanceledException when request.CancellationToken.IsCancellationRequested => null,
            _ => new GraphQLError(
                options.ExposeExceptionMessages ? exception.Message : "Unexpected error.",
                field.Locations,
                path.ToList(),
                GraphQLError.CodeExtension("INTERNAL_SERVER_ERROR")),
        };
        if (error is null)
        {
            throw exception is OperationCanceledException canceled ? canceled : new OperationCanceledException();
        }

        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    private void AddError(string message, FieldPlan field, ResponsePath path)
    {
        lock (_errors)
        {
            _errors.Add(new GraphQLError(message, field.Locations, path.ToList()));
        }
    }
}
