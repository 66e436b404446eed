using KeyWorks.GraphQL.Language;

namespace KeyWorks.GraphQL.Types;

/// <summary>
/// Turns parsed SDL documents into a <see cref="Schema"/>: creates the named types, merges extensions
/// into them, resolves type references and collects every problem as a located error.
/// </summary>
internal sealed partial class SchemaAssembly
{
    private readonly IReadOnlyList<DocumentNode> _documents;
    private readonly IReadOnlyDictionary<string, ScalarType> _boundScalars;
    private readonly Dictionary<string, NamedType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TypeDefinitionNode>> _extensions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveDefinition> _directives = new(StringComparer.Ordinal);
    private readonly List<SchemaDefinitionNode> _schemaNodes = [];

    public SchemaAssembly(IReadOnlyList<DocumentNode> documents, IReadOnlyDictionary<string, ScalarType> boundScalars)
    {
        _documents = documents;
        _boundScalars = boundScalars;
        foreach (var directive in BuiltInDirectives.All)
        {
            _directives[directive.Name] = directive;
        }

        foreach (var scalar in BuiltInScalars.All)
        {
            _types[scalar.Name] = scalar;
        }
    }

    public List<GraphQLError> Errors { get; } = [];

    public Schema Assemble()
    {
        var definitions = BuildTypes();
        var (query, mutation, subscription) = ResolveRootTypes();
        var schema = new Schema(ReachableTypes(query, mutation, subscription), OrderedDirectives(), query, mutation, subscription)
        {
            Description = _schemaNodes.FirstOrDefault(s => !s.IsExtension)?.Description?.Value,
            AppliedDirectives = _schemaNodes.SelectMany(s => s.Directives).ToList(),
        };
        new SchemaValidator(schema, Errors, definitions).Validate();
        return schema;
    }

    /// <summary>Creates and completes the types and directives the documents define, without validating them.</summary>
    public List<DefinitionNode> BuildTypes()
    {
        var definitions = _documents.SelectMany(d => d.Definitions).ToList();
        CreateTypes(definitions);
        foreach (var type in _types.Values)
        {
            CompleteType(type);
        }

        foreach (var definition in definitions.OfType<DirectiveDefinitionNode>())
        {
            CompleteDirective(definition);
        }

        return definitions;
    }

    /// <summary>The named types after <see cref="BuildTypes"/>.</summary>
    public IEnumerable<NamedType> Types => _types.Values;

    private void CreateTypes(List<DefinitionNode> definitions)
    {
        foreach (var definition in definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode schemaNode:
                    if (!schemaNode.IsExtension && _schemaNodes.Exists(s => !s.IsExtension))
                    {
                        Errors.Add(Error("Must provide only one schema definition.", schemaNode));
                    }

                    _schemaNodes.Add(schemaNode);
                    break;
                case TypeDefinitionNode { IsExtension: true } extension:
                    if (!_extensions.TryGetValue(extension.Name.Value, out var list))
                    {
                        _extensions[extension.Name.Value] = list = [];
                    }

                    list.Add(extension);
                    break;
                case TypeDefinitionNode typeNode:
                    CreateType(typeNode);
                    break;
                case DirectiveDefinitionNode directiveNode:
                    var name = directiveNode.Name.Value;
                    if (_directives.TryGetValue(name, out var existing))
                    {
                        Errors.Add(existing.AstNode is null
                            ? Error($"Directive \"@{name}\" already exists in the schema. It cannot be redefined.", directiveNode.Name)
                            : Error($"There can be only one directive named \"@{name}\".", existing.AstNode.Name, directiveNode.Name));
                        break;
                    }

                    _directives[name] = new DirectiveDefinition(name)
                    {
                        AstNode = directiveNode,
                        Description = directiveNode.Description?.Value,
                        IsRepeatable = directiveNode.Repeatable,
                        Locations = directiveNode.Locations.Select(l => l.Value).ToList(),
                    };
                    break;
                default:
                    Errors.Add(Error($"The {definition.GetType().Name.Replace("Node", "", StringComparison.Ordinal)} is not a type system definition and cannot appear in a schema.", definition));
                    break;
            }
        }
    }

    private void CreateType(TypeDefinitionNode node)
    {
        var name = node.Name.Value;
        if (_types.TryGetValue(name, out var existing))
        {
            Errors.Add(existing.AstNodes.Count == 0
                ? Error($"Type \"{name}\" already exists in the schema. It cannot also be defined in this type definition.", node.Name)
                : Error($"There can be only one type named \"{name}\".", existing.AstNodes[0].Name, node.Name));
            return;
        }

        NamedType type = node switch
        {
            ScalarTypeDefinitionNode => _boundScalars.GetValueOrDefault(name) ?? CustomScalars.ForName(name) ?? new ScalarType(name),
            ObjectTypeDefinitionNode => new ObjectType(name),
            InterfaceTypeDefinitionNode => new InterfaceType(name),
            UnionTypeDefinitionNode => new UnionType(name),
            EnumTypeDefinitionNode => new EnumType(name),
            InputObjectTypeDefinitionNode => new InputObjectType(name),
            _ => throw new InvalidOperationException("Unknown type definition " + node.GetType().Name),
        };
        type.AstNodes = [node];
        // Schema-first: the SDL is the truth, also for the descriptions of provided scalars.
        type.Description = node.Description?.Value;
        _types[name] = type;
    }

    private void CompleteType(NamedType type)
    {
        var extensions = _extensions.GetValueOrDefault(type.Name) ?? [];
        var nodes = type.AstNodes.Concat(extensions).ToList();
        foreach (var extension in extensions)
        {
            if (!SameKind(type, extension))
            {
                Errors.Add(Error($"Cannot extend non-{KindName(extension)} type \"{type.Name}\".", extension, type.AstNodes.Count > 0 ? type.AstNodes[0] : null));
            }
        }

        nodes = nodes.Where(n => SameKind(type, n)).ToList();
        type.AstNodes = nodes;
        type.AppliedDirectives = nodes.SelectMany(n => n.Directives).ToList();
        switch (type)
        {
            case ScalarType scalar:
                scalar.SpecifiedByUrl = StringArgument(scalar.AppliedDirectives, "specifiedBy", "url") ?? scalar.SpecifiedByUrl;
                break;
            case FieldsType fieldsType:
                CompleteFields(fieldsType, nodes);
                break;
            case UnionType union:
                var members = new List<ObjectType>();
                foreach (var memberNode in nodes.OfType<UnionTypeDefinitionNode>().SelectMany(n => n.Types))
                {
                    var member = LookupType(memberNode);
                    if (member is ObjectType objectType)
                    {
                        members.Add(objectType);
                    }
                    else if (member is not null)
                    {
                        Errors.Add(Error($"Union type {union.Name} can only include Object types, it cannot include {member.Name}.", memberNode));
                    }
                }

                union.Types = members;
                break;
            case EnumType enumType:
                foreach (var valueNode in nodes.OfType<EnumTypeDefinitionNode>().SelectMany(n => n.Values))
                {
                    var value = new EnumValueDefinition(valueNode.Name.Value)
                    {
                        AstNode = valueNode,
                        Description = valueNode.Description?.Value,
                        DeprecationReason = DeprecationReason(valueNode.Directives),
                    };
                    if (!enumType.AddValue(value))
                    {
                        Errors.Add(Error($"Enum value \"{type.Name}.{value.Name}\" can only be defined once.", enumType.GetValue(value.Name)!.AstNode!.Name, valueNode.Name));
                    }
                }

                break;
            case InputObjectType input:
                input.IsOneOf = type.AppliedDirectives.Any(d => d.Name.Value == "oneOf");
                foreach (var fieldNode in nodes.OfType<InputObjectTypeDefinitionNode>().SelectMany(n => n.Fields))
                {
                    var field = CreateInputValue(fieldNode);
                    if (field is not null && !input.AddField(field))
                    {
                        Errors.Add(Error($"Field \"{type.Name}.{field.Name}\" can only be defined once.", input.GetField(field.Name)!.AstNode!.Name, fieldNode.Name));
                    }
                }

                break;
        }
    }

    private void CompleteFields(FieldsType type, List<TypeDefinitionNode> nodes)
    {
        var interfaces = new List<InterfaceType>();
        foreach (var interfaceNode in nodes.SelectMany(n => n switch
        {
            ObjectTypeDefinitionNode o => o.Interfaces,
            InterfaceTypeDefinitionNode i => i.Interfaces,
            _ => [],
        }))
        {
            var resolved = LookupType(interfaceNode);
            if (resolved is InterfaceType interfaceType)
            {
                interfaces.Add(interfaceType);
            }
            else if (resolved is not null)
            {
                Errors.Add(Error($"Type {type.Name} must only implement Interface types, it cannot implement {resolved.Name}.", interfaceNode));
            }
        }

        type.Interfaces = interfaces;
        var fieldNodes = nodes.SelectMany(n => n switch
        {
            ObjectTypeDefinitionNode o => o.Fields,
            InterfaceTypeDefinitionNode i => i.Fields,
            _ => [],
        });
        foreach (var fieldNode in fieldNodes)
        {
            var fieldType = ResolveTypeReference(fieldNode.Type);
            if (fieldType is null)
            {
                continue;
            }

            var field = new FieldDefinition(fieldNode.Name.Value, fieldType)
            {
                AstNode = fieldNode,
                Description = fieldNode.Description?.Value,
                DeprecationReason = DeprecationReason(fieldNode.Directives),
                AppliedDirectives = fieldNode.Directives,
            };
            foreach (var argumentNode in fieldNode.Arguments)
            {
                var argument = CreateInputValue(argumentNode);
                if (argument is not null && !field.AddArgument(argument))
                {
                    Errors.Add(Error($"Argument \"{type.Name}.{field.Name}({argument.Name}:)\" can only be defined once.", field.GetArgument(argument.Name)!.AstNode!.Name, argumentNode.Name));
                }
            }

            if (!type.AddField(field))
            {
                Errors.Add(Error($"Field \"{type.Name}.{field.Name}\" can only be defined once.", type.GetField(field.Name)!.AstNode!.Name, fieldNode.Name));
            }
        }
    }

    private void CompleteDirective(DirectiveDefinitionNode node)
    {
        if (!_directives.TryGetValue(node.Name.Value, out var directive) || directive.AstNode != node)
        {
            return;
        }

        foreach (var argumentNode in node.Arguments)
        {
            var argument = CreateInputValue(argumentNode);
            if (argument is not null && !directive.AddArgument(argument))
            {
                Errors.Add(Error($"Argument \"@{directive.Name}({argument.Name}:)\" can only be defined once.", directive.GetArgument(argument.Name)!.AstNode!.Name, argumentNode.Name));
            }
        }
    }

    private InputValueDefinition? CreateInputValue(InputValueDefinitionNode node)
    {
        var type = ResolveTypeReference(node.Type);
        if (type is null)
        {
            return null;
        }

        return new InputValueDefinition(node.Name.Value, type)
        {
            AstNode = node,
            Description = node.Description?.Value,
            DefaultValue = node.DefaultValue,
            DeprecationReason = DeprecationReason(node.Directives),
            AppliedDirectives = node.Directives,
        };
    }

    private GraphQLType? ResolveTypeReference(TypeNode node) => node switch
    {
        NonNullTypeNode nonNull => ResolveTypeReference(nonNull.Type) is { } inner ? new NonNullType(inner) : null,
        ListTypeNode list => ResolveTypeReference(list.Type) is { } inner ? new ListType(inner) : null,
        NamedTypeNode named => LookupType(named),
        _ => null,
    };

    private NamedType? LookupType(NamedTypeNode node)
    {
        if (_types.TryGetValue(node.Name.Value, out var type))
        {
            return type;
        }

        Errors.Add(Error($"Unknown type \"{node.Name.Value}\".", node));
        return null;
    }

    private (ObjectType? Query, ObjectType? Mutation, ObjectType? Subscription) ResolveRootTypes()
    {
        var operationTypes = _schemaNodes.SelectMany(s => s.OperationTypes).ToList();
        if (_schemaNodes.Count == 0 || (operationTypes.Count == 0 && _schemaNodes.All(s => s.IsExtension)))
        {
            return (_types.GetValueOrDefault("Query") as ObjectType, _types.GetValueOrDefault("Mutation") as ObjectType, _types.GetValueOrDefault("Subscription") as ObjectType);
        }

        ObjectType? Root(OperationType operation)
        {
            var nodes = operationTypes.Where(o => o.Operation == operation).ToList();
            if (nodes.Count > 1)
            {
                Errors.Add(Error($"Type for {Printer.OperationKeyword(operation)} already defined in the schema. It cannot be redefined.", nodes[1]));
            }

            if (nodes.Count == 0)
            {
                return null;
            }

            var type = LookupType(nodes[0].Type);
            if (type is not null and not ObjectType)
            {
                var kind = operation switch { OperationType.Query => "Query", OperationType.Mutation => "Mutation", _ => "Subscription" };
                Errors.Add(Error($"{kind} root type must be Object type{(operation == OperationType.Query ? "" : " if provided")}, it cannot be {type.Name}.", nodes[0].Type));
            }

            return type as ObjectType;
        }

        return (Root(OperationType.Query), Root(OperationType.Mutation), Root(OperationType.Subscription));
    }

    private static bool SameKind(NamedType type, TypeDefinitionNode node) => (type, node) switch
    {
        (ScalarType, ScalarTypeDefinitionNode) => true,
        (ObjectType, ObjectTypeDefinitionNode) => true,
        (InterfaceType, InterfaceTypeDefinitionNode) => true,
        (UnionType, UnionTypeDefinitionNode) => true,
        (EnumType, EnumTypeDefinitionNode) => true,
        (InputObjectType, InputObjectTypeDefinitionNode) => true,
        _ => false,
    };

    private static string KindName(TypeDefinitionNode node) => node switch
    {
        ScalarTypeDefinitionNode => "scalar",
        ObjectTypeDefinitionNode => "object",
        InterfaceTypeDefinitionNode => "interface",
        UnionTypeDefinitionNode => "union",
        EnumTypeDefinitionNode => "enum",
        _ => "input object",
    };

    internal static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        var deprecated = directives.FirstOrDefault(d => d.Name.Value == "deprecated");
        if (deprecated is null)
        {
            return null;
        }

        var reason = deprecated.Arguments.FirstOrDefault(a => a.Name.Value == "reason")?.Value;
        return reason is StringValueNode s ? s.Value : "No longer supported";
    }

    private static string? StringArgument(IEnumerable<DirectiveNode> directives, string directive, string argument) =>
        directives.FirstOrDefault(d => d.Name.Value == directive)?.Arguments.FirstOrDefault(a => a.Name.Value == argument)?.Value is StringValueNode s ? s.Value : null;

    internal static GraphQLError Error(string message, params SyntaxNode?[] nodes) =>
        new(message, nodes.Where(n => n is not null).Select(n => n!.Location.ToSourceLocation()).ToList());
}
