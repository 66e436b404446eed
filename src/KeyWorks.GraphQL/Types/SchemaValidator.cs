using KeyWorks.GraphQL.Language;

namespace KeyWorks.GraphQL.Types;

/// <summary>The type system validation of the spec (section 3): names, fields, interfaces, unions, enums, inputs, directives.</summary>
internal sealed partial class SchemaValidator(Schema schema, List<GraphQLError> errors, IReadOnlyList<DefinitionNode> definitions)
{
    public void Validate()
    {
        if (schema.QueryType is null && !errors.Exists(e => e.Message.StartsWith("Query root type", StringComparison.Ordinal)))
        {
            errors.Add(new GraphQLError("Query root type must be provided."));
        }

        foreach (var directive in schema.Directives.Where(d => d.AstNode is not null))
        {
            ValidateName(directive.Name, directive.AstNode!.Name);
            foreach (var argument in directive.Arguments)
            {
                ValidateName(argument.Name, argument.AstNode?.Name);
                if (!argument.Type.IsInputType)
                {
                    Add($"The type of @{directive.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.", argument.AstNode?.Type);
                }

                if (argument.Type.IsNonNull && !argument.HasDefaultValue && argument.DeprecationReason is not null)
                {
                    Add($"Required argument @{directive.Name}({argument.Name}:) cannot be deprecated.", DeprecatedNode(argument.AppliedDirectives), argument.AstNode?.Type);
                }
            }
        }

        foreach (var type in schema.Types.Where(t => !t.IsIntrospectionType && t.AstNodes.Count > 0))
        {
            ValidateName(type.Name, type.AstNodes[0].Name);
            switch (type)
            {
                case FieldsType fieldsType:
                    ValidateFields(fieldsType);
                    ValidateInterfaces(fieldsType);
                    break;
                case UnionType union:
                    ValidateUnion(union);
                    break;
                case EnumType enumType:
                    ValidateEnum(enumType);
                    break;
                case InputObjectType input:
                    ValidateInputFields(input);
                    break;
            }
        }

        new InputCycleFinder(this).Find();
        ValidateAppliedDirectives();
    }

    private void ValidateName(string name, SyntaxNode? node)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            Add($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.", node);
        }
    }

    private void ValidateFields(FieldsType type)
    {
        if (type.Fields.Count == 0)
        {
            Add($"Type {type.Name} must define one or more fields.", type.AstNodes.ToArray());
        }

        foreach (var field in type.Fields)
        {
            ValidateName(field.Name, field.AstNode?.Name);
            if (!field.Type.IsOutputType)
            {
                Add($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.", field.AstNode?.Type);
            }

            foreach (var argument in field.Arguments)
            {
                ValidateName(argument.Name, argument.AstNode?.Name);
                if (!argument.Type.IsInputType)
                {
                    Add($"The type of {type.Name}.{field.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.", argument.AstNode?.Type);
                }

                if (argument.Type.IsNonNull && !argument.HasDefaultValue && argument.DeprecationReason is not null)
                {
                    Add($"Required argument {type.Name}.{field.Name}({argument.Name}:) cannot be deprecated.", DeprecatedNode(argument.AppliedDirectives), argument.AstNode?.Type);
                }
            }
        }
    }

    private void ValidateInterfaces(FieldsType type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var iface in type.Interfaces)
        {
            var nodes = InterfaceNodes(type, iface.Name);
            if (iface.Name == type.Name)
            {
                Add($"Type {type.Name} cannot implement itself because it would create a circular reference.", nodes);
                continue;
            }

            if (!seen.Add(iface.Name))
            {
                Add($"Type {type.Name} can only implement {iface.Name} once.", nodes);
                continue;
            }

            foreach (var transitive in iface.Interfaces)
            {
                if (transitive.Name != type.Name && !type.Interfaces.Any(i => i.Name == transitive.Name))
                {
                    var message = transitive.Name == type.Name
                        ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                        : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.";
                    Add(message, [.. InterfaceNodes(iface, transitive.Name), .. InterfaceNodes(type, iface.Name)]);
                }
            }

            ValidateImplementation(type, iface);
        }
    }

    private void ValidateImplementation(FieldsType type, InterfaceType iface)
    {
        foreach (var ifaceField in iface.Fields)
        {
            var field = type.GetField(ifaceField.Name);
            if (field is null)
            {
                Add($"Interface field {iface.Name}.{ifaceField.Name} expected but {type.Name} does not provide it.", [ifaceField.AstNode, .. type.AstNodes]);
                continue;
            }

            if (!TypeComparators.IsTypeSubTypeOf(schema, field.Type, ifaceField.Type))
            {
                Add($"Interface field {iface.Name}.{ifaceField.Name} expects type {ifaceField.Type} but {type.Name}.{field.Name} is type {field.Type}.", ifaceField.AstNode?.Type, field.AstNode?.Type);
            }

            foreach (var ifaceArgument in ifaceField.Arguments)
            {
                var argument = field.GetArgument(ifaceArgument.Name);
                if (argument is null)
                {
                    Add($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArgument.Name}:) expected but {type.Name}.{field.Name} does not provide it.", ifaceArgument.AstNode, field.AstNode);
                    continue;
                }

                if (!GraphQLType.AreEqual(ifaceArgument.Type, argument.Type))
                {
                    Add($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArgument.Name}:) expects type {ifaceArgument.Type} but {type.Name}.{field.Name}({argument.Name}:) is type {argument.Type}.", ifaceArgument.AstNode?.Type, argument.AstNode?.Type);
                }
            }

            foreach (var argument in field.Arguments)
            {
                if (ifaceField.GetArgument(argument.Name) is null && argument.Type.IsNonNull && !argument.HasDefaultValue)
                {
                    Add($"Argument \"{type.Name}.{field.Name}({argument.Name}:)\" must not be required type \"{argument.Type}\" if not provided by the Interface field \"{iface.Name}.{ifaceField.Name}\".", argument.AstNode, ifaceField.AstNode);
                }
            }
        }
    }

    private static SyntaxNode?[] InterfaceNodes(FieldsType type, string interfaceName) =>
        type.AstNodes.SelectMany(n => n switch
        {
            ObjectTypeDefinitionNode o => o.Interfaces,
            InterfaceTypeDefinitionNode i => i.Interfaces,
            _ => [],
        }).Where(n => n.Name.Value == interfaceName).Cast<SyntaxNode?>().ToArray();

    private void ValidateUnion(UnionType union)
    {
        var memberNodes = union.AstNodes.OfType<UnionTypeDefinitionNode>().SelectMany(n => n.Types).ToList();
        if (memberNodes.Count == 0)
        {
            Add($"Union type {union.Name} must define one or more member types.", union.AstNodes.ToArray());
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in union.Types)
        {
            if (!seen.Add(member.Name))
            {
                Add($"Union type {union.Name} can only include type {member.Name} once.", memberNodes.Where(n => n.Name.Value == member.Name).ToArray());
            }
        }
    }

    private void ValidateEnum(EnumType enumType)
    {
        if (enumType.Values.Count == 0)
        {
            Add($"Enum type {enumType.Name} must define one or more values.", enumType.AstNodes.ToArray());
        }

        foreach (var value in enumType.Values)
        {
            ValidateName(value.Name, value.AstNode?.Name);
        }
    }

    private void ValidateInputFields(InputObjectType input)
    {
        if (input.Fields.Count == 0)
        {
            Add($"Input Object type {input.Name} must define one or more fields.", input.AstNodes.ToArray());
        }

        foreach (var field in input.Fields)
        {
            ValidateName(field.Name, field.AstNode?.Name);
            if (!field.Type.IsInputType)
            {
                Add($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.", field.AstNode?.Type);
            }

            if (field.Type.IsNonNull && !field.HasDefaultValue && field.DeprecationReason is not null)
            {
                Add($"Required input field {input.Name}.{field.Name} cannot be deprecated.", DeprecatedNode(field.AppliedDirectives), field.AstNode?.Type);
            }

            if (input.IsOneOf)
            {
                if (field.Type.IsNonNull)
                {
                    Add($"OneOf input field {input.Name}.{field.Name} must be nullable.", field.AstNode?.Type);
                }

                if (field.HasDefaultValue)
                {
                    Add($"OneOf input field {input.Name}.{field.Name} cannot have a default value.", field.AstNode);
                }
            }
        }
    }

    private static DirectiveNode? DeprecatedNode(IReadOnlyList<DirectiveNode> directives) =>
        directives.FirstOrDefault(d => d.Name.Value == "deprecated");

    private void Add(string message, params SyntaxNode?[] nodes) => errors.Add(SchemaAssembly.Error(message, nodes));

    /// <summary>Finds input objects that reference themselves through non-null fields, which no value could satisfy.</summary>
    private sealed class InputCycleFinder(SchemaValidator validator)
    {
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
        private readonly List<InputValueDefinition> _path = [];
        private readonly Dictionary<string, int> _pathIndex = new(StringComparer.Ordinal);

        public void Find()
        {
            foreach (var input in validator.Schema.Types.OfType<InputObjectType>())
            {
                Detect(input);
            }
        }

        private void Detect(InputObjectType input)
        {
            if (!_visited.Add(input.Name))
            {
                return;
            }

            _pathIndex[input.Name] = _path.Count;
            foreach (var field in input.Fields)
            {
                if (field.Type is NonNullType { OfType: InputObjectType fieldType })
                {
                    _path.Add(field);
                    if (!_pathIndex.TryGetValue(fieldType.Name, out var cycleIndex))
                    {
                        Detect(fieldType);
                    }
                    else
                    {
                        var cycle = _path.Skip(cycleIndex).ToList();
                        validator.Add(
                            $"Cannot reference Input Object \"{fieldType.Name}\" within itself through a series of non-null fields: \"{string.Join(".", cycle.Select(f => f.Name))}\".",
                            cycle.Select(f => (SyntaxNode?)f.AstNode).ToArray());
                    }

                    _path.RemoveAt(_path.Count - 1);
                }
            }

            _pathIndex.Remove(input.Name);
        }
    }

    private Schema Schema => schema;

    private IReadOnlyList<DefinitionNode> Definitions => definitions;
}
