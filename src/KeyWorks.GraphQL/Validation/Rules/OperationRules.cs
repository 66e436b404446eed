using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Language;

namespace KeyWorks.GraphQL.Validation.Rules;

/// <summary>5.1.1 A document for execution holds only operations and fragments.</summary>
internal sealed class ExecutableDefinitionsRule : ValidationRule
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is DocumentNode document)
        {
            foreach (var definition in document.Definitions)
            {
                if (definition is not ExecutableDefinitionNode)
                {
                    string? name = definition switch
                    {
                        SchemaDefinitionNode => null,
                        TypeDefinitionNode type => type.Name.Value,
                        DirectiveDefinitionNode directive => directive.Name.Value,
                        _ => "unknown",
                    };
                    Context.ReportError(name is null ? "The schema definition is not executable." : $"The \"{name}\" definition is not executable.", definition);
                }
            }

            return false;
        }

        return true;
    }
}

/// <summary>5.2.1.1 Operation names are unique.</summary>
internal sealed class UniqueOperationNamesRule : ValidationRule
{
    private readonly Dictionary<string, Name> _known = new(StringComparer.Ordinal);

    public override bool Enter(SyntaxNode node)
    {
        if (node is OperationDefinitionNode { Name: { } name })
        {
            if (_known.TryGetValue(name.Value, out var first))
            {
                Context.ReportError($"There can be only one operation named \"{name.Value}\".", first, name);
            }
            else
            {
                _known[name.Value] = name;
            }
        }

        return node is DocumentNode;
    }
}

/// <summary>5.2.2.1 An anonymous operation must be the only operation.</summary>
internal sealed class LoneAnonymousOperationRule : ValidationRule
{
    private int _operationCount;

    public override bool Enter(SyntaxNode node)
    {
        if (node is DocumentNode document)
        {
            _operationCount = document.Definitions.Count(d => d is OperationDefinitionNode);
            return true;
        }

        if (node is OperationDefinitionNode { Name: null } operation && _operationCount > 1)
        {
            Context.ReportError("This anonymous operation must be the only defined operation.", operation);
        }

        return false;
    }
}

/// <summary>5.2.3.1 A subscription selects exactly one root field, and not an introspection field.</summary>
internal sealed class SingleFieldSubscriptionsRule : ValidationRule
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is OperationDefinitionNode { Operation: OperationType.Subscription } operation && Context.Schema.SubscriptionType is { } root)
        {
            var fragments = Context.Document.Definitions.OfType<FragmentDefinitionNode>()
                .GroupBy(f => f.Name.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var grouped = FieldCollector.CollectForValidation(Context.Schema, fragments, root, operation.SelectionSet);
            var name = operation.Name?.Value;
            if (grouped.Count > 1)
            {
                var extra = grouped.Skip(1).SelectMany(g => g.Value).Cast<SyntaxNode?>().ToArray();
                Context.ReportError(
                    name is null ? "Anonymous Subscription must select only one top level field." : $"Subscription \"{name}\" must select only one top level field.",
                    extra);
            }

            foreach (var (_, fields) in grouped)
            {
                if (fields[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
                {
                    Context.ReportError(
                        name is null ? "Anonymous Subscription must not select an introspection top level field." : $"Subscription \"{name}\" must not select an introspection top level field.",
                        fields.Cast<SyntaxNode?>().ToArray());
                }
            }
        }

        return node is DocumentNode;
    }
}
