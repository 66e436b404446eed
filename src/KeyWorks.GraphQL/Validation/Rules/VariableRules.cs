using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Validation.Rules;

/// <summary>5.8.1 Variable names are unique within an operation.</summary>
internal sealed class UniqueVariableNamesRule : ValidationRule
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is OperationDefinitionNode operation)
        {
            foreach (var group in operation.VariableDefinitions.GroupBy(v => v.Variable.Name.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                Context.ReportError($"There can be only one variable named \"${group.Key}\".", group.Select(v => (SyntaxNode?)v.Variable.Name).ToArray());
            }
        }

        return node is DocumentNode;
    }
}

/// <summary>5.8.2 Variables are declared with input types.</summary>
internal sealed class VariablesAreInputTypesRule : ValidationRule
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is VariableDefinitionNode variable && TypeInfo.TypeFromAst(Context.Schema, variable.Type) is { IsInputType: false })
        {
            Context.ReportError($"Variable \"${variable.Variable.Name.Value}\" cannot be non-input type \"{Printer.Print(variable.Type)}\".", variable.Type);
        }

        return node is DocumentNode or OperationDefinitionNode;
    }
}

/// <summary>5.8.3 Every variable used is defined by the operation.</summary>
internal sealed class NoUndefinedVariablesRule : ValidationRule
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is OperationDefinitionNode operation)
        {
            var defined = operation.VariableDefinitions.Select(v => v.Variable.Name.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var usage in Context.GetRecursiveVariableUsages(operation))
            {
                var name = usage.Node.Name.Value;
                if (!defined.Contains(name))
                {
                    Context.ReportError(
                        operation.Name is null ? $"Variable \"${name}\" is not defined." : $"Variable \"${name}\" is not defined by operation \"{operation.Name.Value}\".",
                        usage.Node,
                        operation);
                }
            }
        }

        return node is DocumentNode;
    }
}

/// <summary>5.8.4 Every variable defined is used.</summary>
internal sealed class NoUnusedVariablesRule : ValidationRule
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is OperationDefinitionNode operation)
        {
            var used = Context.GetRecursiveVariableUsages(operation).Select(u => u.Node.Name.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var definition in operation.VariableDefinitions)
            {
                var name = definition.Variable.Name.Value;
                if (!used.Contains(name))
                {
                    Context.ReportError(
                        operation.Name is null ? $"Variable \"${name}\" is never used." : $"Variable \"${name}\" is never used in operation \"{operation.Name.Value}\".",
                        definition);
                }
            }
        }

        return node is DocumentNode;
    }
}

/// <summary>5.8.5 Variables are used only where their type fits.</summary>
internal sealed class VariablesInAllowedPositionRule : ValidationRule
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is OperationDefinitionNode operation)
        {
            var definitions = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
            foreach (var definition in operation.VariableDefinitions)
            {
                definitions[definition.Variable.Name.Value] = definition;
            }

            foreach (var usage in Context.GetRecursiveVariableUsages(operation))
            {
                var name = usage.Node.Name.Value;
                if (!definitions.TryGetValue(name, out var definition) || usage.Type is null)
                {
                    continue;
                }

                var variableType = TypeInfo.TypeFromAst(Context.Schema, definition.Type);
                if (variableType is not null && !IsAllowed(variableType, definition.DefaultValue, usage.Type, usage.DefaultValue))
                {
                    Context.ReportError($"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{usage.Type}\".", definition, usage.Node);
                }

                if (usage.ParentType is InputObjectType { IsOneOf: true } oneOf && variableType is not null and not NonNullType)
                {
                    Context.ReportError($"Variable \"${name}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\".", definition, usage.Node);
                }
            }
        }

        return node is DocumentNode;
    }

    private bool IsAllowed(GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, ValueNode? locationDefault)
    {
        if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
        {
            var hasNonNullVariableDefault = variableDefault is not null and not NullValueNode;
            if (!hasNonNullVariableDefault && locationDefault is null)
            {
                return false;
            }

            return TypeComparators.IsTypeSubTypeOf(Context.Schema, variableType, nonNullLocation.OfType);
        }

        return TypeComparators.IsTypeSubTypeOf(Context.Schema, variableType, locationType);
    }
}
