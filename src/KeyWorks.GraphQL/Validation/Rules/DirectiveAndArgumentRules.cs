using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Validation.Rules;

/// <summary>5.7.1, 5.7.2 Directives are defined and used only where allowed.</summary>
internal sealed class KnownDirectivesRule : ValidationRule
{
    private readonly List<SyntaxNode> _ancestors = [];

    public override bool Enter(SyntaxNode node)
    {
        if (node is DirectiveNode directive)
        {
            var name = directive.Name.Value;
            var definition = Context.Schema.GetDirective(name);
            if (definition is null)
            {
                Context.ReportError($"Unknown directive \"@{name}\".", directive);
            }
            else if (Location() is { } location && !definition.Locations.Contains(location))
            {
                Context.ReportError($"Directive \"@{name}\" may not be used on {location}.", directive);
            }
        }

        _ancestors.Add(node);
        return true;
    }

    public override void Leave(SyntaxNode node) => _ancestors.RemoveAt(_ancestors.Count - 1);

    private string? Location()
    {
        var owner = _ancestors.Count > 0 ? _ancestors[^1] : null;
        return owner switch
        {
            OperationDefinitionNode operation => operation.Operation switch
            {
                OperationType.Query => "QUERY",
                OperationType.Mutation => "MUTATION",
                _ => "SUBSCRIPTION",
            },
            FieldNode => "FIELD",
            FragmentSpreadNode => "FRAGMENT_SPREAD",
            InlineFragmentNode => "INLINE_FRAGMENT",
            FragmentDefinitionNode => "FRAGMENT_DEFINITION",
            VariableDefinitionNode => "VARIABLE_DEFINITION",
            SchemaDefinitionNode => "SCHEMA",
            ScalarTypeDefinitionNode => "SCALAR",
            ObjectTypeDefinitionNode => "OBJECT",
            FieldDefinitionNode => "FIELD_DEFINITION",
            InterfaceTypeDefinitionNode => "INTERFACE",
            UnionTypeDefinitionNode => "UNION",
            EnumTypeDefinitionNode => "ENUM",
            EnumValueDefinitionNode => "ENUM_VALUE",
            InputObjectTypeDefinitionNode => "INPUT_OBJECT",
            InputValueDefinitionNode => _ancestors.Count > 1 && _ancestors[^2] is InputObjectTypeDefinitionNode ? "INPUT_FIELD_DEFINITION" : "ARGUMENT_DEFINITION",
            _ => null,
        };
    }
}

/// <summary>5.7.3 A non-repeatable directive appears at most once per location.</summary>
internal sealed class UniqueDirectivesPerLocationRule : ValidationRule
{
    public override bool Enter(SyntaxNode node)
    {
        var directives = node switch
        {
            OperationDefinitionNode o => o.Directives,
            FieldNode f => f.Directives,
            FragmentSpreadNode s => s.Directives,
            InlineFragmentNode i => i.Directives,
            FragmentDefinitionNode d => d.Directives,
            VariableDefinitionNode v => v.Directives,
            TypeSystemDefinitionNode t => t.Directives,
            FieldDefinitionNode fd => fd.Directives,
            InputValueDefinitionNode iv => iv.Directives,
            EnumValueDefinitionNode ev => ev.Directives,
            _ => null,
        };
        if (directives is { Count: > 1 })
        {
            var seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
            foreach (var directive in directives)
            {
                var name = directive.Name.Value;
                if (Context.Schema.GetDirective(name) is null or { IsRepeatable: true })
                {
                    continue;
                }

                if (seen.TryGetValue(name, out var first))
                {
                    Context.ReportError($"The directive \"@{name}\" can only be used once at this location.", first, directive);
                }
                else
                {
                    seen[name] = directive;
                }
            }
        }

        return true;
    }
}

/// <summary>5.4.1 Arguments are defined by the field or directive.</summary>
internal sealed class KnownArgumentNamesRule : ValidationRule
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is DirectiveNode directiveNode && Context.Schema.GetDirective(directiveNode.Name.Value) is { } directive)
        {
            foreach (var argument in directiveNode.Arguments)
            {
                var name = argument.Name.Value;
                if (directive.GetArgument(name) is null)
                {
                    Context.ReportError(
                        $"Unknown argument \"{name}\" on directive \"@{directive.Name}\"." + Suggestions.DidYouMean(Suggestions.List(name, directive.Arguments.Select(a => a.Name))),
                        argument);
                }
            }
        }

        if (node is DirectiveNode)
        {
            // Directive arguments are checked above; the field check below must not see them.
            return false;
        }

        if (node is ArgumentNode fieldArgument && Context.TypeInfo.Argument is null
            && Context.TypeInfo.FieldDef is { } field && Context.TypeInfo.ParentType is { } parentType)
        {
            // As in the reference implementation, an unknown argument of a directive on a field is also reported against the field.
            var name = fieldArgument.Name.Value;
            Context.ReportError(
                $"Unknown argument \"{name}\" on field \"{parentType.Name}.{field.Name}\"." + Suggestions.DidYouMean(Suggestions.List(name, field.Arguments.Select(a => a.Name))),
                fieldArgument);
        }

        return true;
    }
}

/// <summary>5.4.2 An argument is given at most once.</summary>
internal sealed class UniqueArgumentNamesRule : ValidationRule
{
    public override bool Enter(SyntaxNode node)
    {
        var arguments = node switch
        {
            FieldNode f => f.Arguments,
            DirectiveNode d => d.Arguments,
            _ => null,
        };
        if (arguments is { Count: > 1 })
        {
            foreach (var group in arguments.GroupBy(a => a.Name.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                Context.ReportError($"There can be only one argument named \"{group.Key}\".", group.Select(a => (SyntaxNode?)a.Name).ToArray());
            }
        }

        return true;
    }
}

/// <summary>5.4.2.1 Required arguments (non-null, no default) are given.</summary>
internal sealed class ProvidedRequiredArgumentsRule : ValidationRule
{
    public override void Leave(SyntaxNode node)
    {
        switch (node)
        {
            case FieldNode field when Context.TypeInfo.FieldDef is { } fieldDef:
                foreach (var argument in fieldDef.Arguments)
                {
                    if (IsRequired(argument) && !field.Arguments.Any(a => a.Name.Value == argument.Name))
                    {
                        Context.ReportError($"Field \"{fieldDef.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.", field);
                    }
                }

                break;
            case DirectiveNode directive when Context.Schema.GetDirective(directive.Name.Value) is { } definition:
                foreach (var argument in definition.Arguments)
                {
                    if (IsRequired(argument) && !directive.Arguments.Any(a => a.Name.Value == argument.Name))
                    {
                        Context.ReportError($"Directive \"@{definition.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.", directive);
                    }
                }

                break;
        }
    }

    private static bool IsRequired(InputValueDefinition argument) => argument.Type.IsNonNull && !argument.HasDefaultValue;
}

/// <summary>5.6.3 Input object fields are given at most once.</summary>
internal sealed class UniqueInputFieldNamesRule : ValidationRule
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is ObjectValueNode obj)
        {
            var known = new Dictionary<string, Name>(StringComparer.Ordinal);
            foreach (var field in obj.Fields)
            {
                if (known.TryGetValue(field.Name.Value, out var first))
                {
                    Context.ReportError($"There can be only one input field named \"{field.Name.Value}\".", first, field.Name);
                }
                else
                {
                    known[field.Name.Value] = field.Name;
                }
            }
        }

        return true;
    }
}
