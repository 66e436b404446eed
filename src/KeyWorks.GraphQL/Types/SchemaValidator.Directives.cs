using KeyWorks.GraphQL.Language;

namespace KeyWorks.GraphQL.Types;

internal sealed partial class SchemaValidator
{
    /// <summary>Directives applied in the SDL: known, allowed at their location, not repeated unless repeatable, arguments valid.</summary>
    private void ValidateAppliedDirectives()
    {
        foreach (var definition in Definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode schemaNode:
                    CheckDirectives(schemaNode.Directives, "SCHEMA");
                    break;
                case ScalarTypeDefinitionNode scalar:
                    CheckDirectives(scalar.Directives, "SCALAR");
                    break;
                case ObjectTypeDefinitionNode obj:
                    CheckDirectives(obj.Directives, "OBJECT");
                    CheckFieldDirectives(obj.Fields);
                    break;
                case InterfaceTypeDefinitionNode iface:
                    CheckDirectives(iface.Directives, "INTERFACE");
                    CheckFieldDirectives(iface.Fields);
                    break;
                case UnionTypeDefinitionNode union:
                    CheckDirectives(union.Directives, "UNION");
                    break;
                case EnumTypeDefinitionNode enumNode:
                    CheckDirectives(enumNode.Directives, "ENUM");
                    foreach (var value in enumNode.Values)
                    {
                        CheckDirectives(value.Directives, "ENUM_VALUE");
                    }

                    break;
                case InputObjectTypeDefinitionNode input:
                    CheckDirectives(input.Directives, "INPUT_OBJECT");
                    foreach (var field in input.Fields)
                    {
                        CheckDirectives(field.Directives, "INPUT_FIELD_DEFINITION");
                    }

                    break;
                case DirectiveDefinitionNode directive:
                    foreach (var argument in directive.Arguments)
                    {
                        CheckDirectives(argument.Directives, "ARGUMENT_DEFINITION");
                    }

                    break;
            }
        }
    }

    private void CheckFieldDirectives(IReadOnlyList<FieldDefinitionNode> fields)
    {
        foreach (var field in fields)
        {
            CheckDirectives(field.Directives, "FIELD_DEFINITION");
            foreach (var argument in field.Arguments)
            {
                CheckDirectives(argument.Directives, "ARGUMENT_DEFINITION");
            }
        }
    }

    private void CheckDirectives(IReadOnlyList<DirectiveNode> directives, string location)
    {
        var seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
        foreach (var node in directives)
        {
            var name = node.Name.Value;
            var definition = Schema.GetDirective(name);
            if (definition is null)
            {
                Add($"Unknown directive \"@{name}\".", node);
                continue;
            }

            if (!definition.Locations.Contains(location))
            {
                Add($"Directive \"@{name}\" may not be used on {location}.", node);
            }

            if (!definition.IsRepeatable)
            {
                if (seen.TryGetValue(name, out var first))
                {
                    Add($"The directive \"@{name}\" can only be used once at this location.", first, node);
                }
                else
                {
                    seen[name] = node;
                }
            }

            foreach (var argument in node.Arguments)
            {
                if (definition.GetArgument(argument.Name.Value) is null)
                {
                    Add($"Unknown argument \"{argument.Name.Value}\" on directive \"@{name}\".", argument);
                }
            }

            foreach (var argument in definition.Arguments)
            {
                if (argument.Type.IsNonNull && !argument.HasDefaultValue && !node.Arguments.Any(a => a.Name.Value == argument.Name))
                {
                    Add($"Argument \"@{name}({argument.Name}:)\" of type \"{argument.Type}\" is required, but it was not provided.", node);
                }
            }
        }
    }
}
