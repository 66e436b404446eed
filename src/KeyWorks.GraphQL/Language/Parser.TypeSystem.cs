namespace KeyWorks.GraphQL.Language;

public sealed partial class Parser
{
    /// <summary>The directive locations of the spec (section 3.13), executable and type system.</summary>
    public static readonly IReadOnlySet<string> DirectiveLocations = new HashSet<string>(StringComparer.Ordinal)
    {
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    };

    private StringValueNode? ParseDescription() =>
        _token.Kind is TokenKind.String or TokenKind.BlockString ? ParseStringLiteral() : null;

    private TypeSystemDefinitionNode ParseTypeSystemDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        var keyword = _token;
        TypeSystemDefinitionNode node = keyword.Value switch
        {
            "schema" => ParseSchemaBody(isExtension: false),
            "scalar" => ParseScalarBody(),
            "type" => ParseObjectBody(),
            "interface" => ParseInterfaceBody(),
            "union" => ParseUnionBody(),
            "enum" => ParseEnumBody(),
            "input" => ParseInputBody(),
            "directive" => ParseDirectiveDefinitionBody(),
            _ => throw Unexpected(keyword),
        };
        return node with { Description = description, Location = LocationFrom(start) };
    }

    private TypeSystemDefinitionNode ParseTypeSystemExtension()
    {
        var start = _token;
        ExpectKeyword("extend");
        var keyword = _token;
        if (keyword.Kind != TokenKind.Name)
        {
            throw Unexpected(keyword);
        }

        TypeSystemDefinitionNode node = keyword.Value switch
        {
            "schema" => ParseSchemaBody(isExtension: true),
            "scalar" => ParseScalarBody(),
            "type" => ParseObjectBody(),
            "interface" => ParseInterfaceBody(),
            "union" => ParseUnionBody(),
            "enum" => ParseEnumBody(),
            "input" => ParseInputBody(),
            _ => throw Unexpected(keyword),
        };
        if (IsEmptyExtension(node))
        {
            throw Unexpected();
        }

        return node with { IsExtension = true, Location = LocationFrom(start) };
    }

    private static bool IsEmptyExtension(TypeSystemDefinitionNode node) => node.Directives.Count == 0 && node switch
    {
        SchemaDefinitionNode schema => schema.OperationTypes.Count == 0,
        ScalarTypeDefinitionNode => true,
        ObjectTypeDefinitionNode type => type.Interfaces.Count == 0 && type.Fields.Count == 0,
        InterfaceTypeDefinitionNode type => type.Interfaces.Count == 0 && type.Fields.Count == 0,
        UnionTypeDefinitionNode union => union.Types.Count == 0,
        EnumTypeDefinitionNode type => type.Values.Count == 0,
        InputObjectTypeDefinitionNode type => type.Fields.Count == 0,
        _ => false,
    };

    private SchemaDefinitionNode ParseSchemaBody(bool isExtension)
    {
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        var operationTypes = isExtension
            ? OptionalMany(TokenKind.BraceL, ParseOperationTypeDefinition, TokenKind.BraceR)
            : Many(TokenKind.BraceL, ParseOperationTypeDefinition, TokenKind.BraceR);
        return new SchemaDefinitionNode(operationTypes) { Directives = directives };
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = _token;
        var operation = ParseOperationType();
        Expect(TokenKind.Colon);
        var type = ParseNamedType();
        return new OperationTypeDefinitionNode(operation, type) { Location = LocationFrom(start) };
    }

    private ScalarTypeDefinitionNode ParseScalarBody()
    {
        ExpectKeyword("scalar");
        var name = ParseName();
        return new ScalarTypeDefinitionNode(name) { Directives = ParseDirectives(isConst: true) };
    }

    private ObjectTypeDefinitionNode ParseObjectBody()
    {
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new ObjectTypeDefinitionNode(name, interfaces, fields) { Directives = directives };
    }

    private InterfaceTypeDefinitionNode ParseInterfaceBody()
    {
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new InterfaceTypeDefinitionNode(name, interfaces, fields) { Directives = directives };
    }

    private List<NamedTypeNode> ParseImplementsInterfaces()
    {
        var interfaces = new List<NamedTypeNode>();
        if (!SkipKeyword("implements"))
        {
            return interfaces;
        }

        Skip(TokenKind.Amp);
        do
        {
            interfaces.Add(ParseNamedType());
        }
        while (Skip(TokenKind.Amp));

        return interfaces;
    }

    private List<FieldDefinitionNode> ParseFieldsDefinition() =>
        OptionalMany(TokenKind.BraceL, ParseFieldDefinition, TokenKind.BraceR);

    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var directives = ParseDirectives(isConst: true);
        return new FieldDefinitionNode(description, name, arguments, type, directives) { Location = LocationFrom(start) };
    }

    private List<InputValueDefinitionNode> ParseArgumentDefinitions() =>
        OptionalMany(TokenKind.ParenL, ParseInputValueDefinition, TokenKind.ParenR);

    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        var name = ParseName();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = Skip(TokenKind.EqualsSign) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new InputValueDefinitionNode(description, name, type, defaultValue, directives) { Location = LocationFrom(start) };
    }

    private UnionTypeDefinitionNode ParseUnionBody()
    {
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = new List<NamedTypeNode>();
        if (Skip(TokenKind.EqualsSign))
        {
            Skip(TokenKind.Pipe);
            do
            {
                types.Add(ParseNamedType());
            }
            while (Skip(TokenKind.Pipe));
        }

        return new UnionTypeDefinitionNode(name, types) { Directives = directives };
    }

    private EnumTypeDefinitionNode ParseEnumBody()
    {
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = OptionalMany(TokenKind.BraceL, ParseEnumValueDefinition, TokenKind.BraceR);
        return new EnumTypeDefinitionNode(name, values) { Directives = directives };
    }

    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        if (_token.Kind == TokenKind.Name && _token.Value is "true" or "false" or "null")
        {
            throw Error(_token, $"{_token.Describe()} is reserved and cannot be used for an enum value.");
        }

        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new EnumValueDefinitionNode(description, name, directives) { Location = LocationFrom(start) };
    }

    private InputObjectTypeDefinitionNode ParseInputBody()
    {
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = OptionalMany(TokenKind.BraceL, ParseInputValueDefinition, TokenKind.BraceR);
        return new InputObjectTypeDefinitionNode(name, fields) { Directives = directives };
    }

    private DirectiveDefinitionNode ParseDirectiveDefinitionBody()
    {
        ExpectKeyword("directive");
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        var repeatable = SkipKeyword("repeatable");
        ExpectKeyword("on");
        var locations = new List<Name>();
        Skip(TokenKind.Pipe);
        do
        {
            var token = _token;
            var location = ParseName();
            if (!DirectiveLocations.Contains(location.Value))
            {
                throw Unexpected(token);
            }

            locations.Add(location);
        }
        while (Skip(TokenKind.Pipe));

        return new DirectiveDefinitionNode(name, arguments, repeatable, locations);
    }
}
