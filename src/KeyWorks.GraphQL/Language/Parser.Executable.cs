namespace KeyWorks.GraphQL.Language;

public sealed partial class Parser
{
    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = _token;
        if (Peek(TokenKind.BraceL))
        {
            var selectionSet = ParseSelectionSet();
            return new OperationDefinitionNode(OperationType.Query, null, [], [], selectionSet) { Location = LocationFrom(start) };
        }

        var operation = ParseOperationType();
        var name = Peek(TokenKind.Name) ? ParseName() : null;
        var variables = Peek(TokenKind.ParenL) ? Many(TokenKind.ParenL, ParseVariableDefinition, TokenKind.ParenR) : [];
        var directives = ParseDirectives(isConst: false);
        var set = ParseSelectionSet();
        return new OperationDefinitionNode(operation, name, variables, directives, set) { Location = LocationFrom(start) };
    }

    private OperationType ParseOperationType()
    {
        var token = Expect(TokenKind.Name);
        return token.Value switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            "subscription" => OperationType.Subscription,
            _ => throw Unexpected(token),
        };
    }

    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        var variable = ParseVariable();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = Skip(TokenKind.EqualsSign) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new VariableDefinitionNode(variable, type, defaultValue, directives) { Location = LocationFrom(start), Description = description };
    }

    private VariableNode ParseVariable()
    {
        var start = _token;
        Expect(TokenKind.Dollar);
        var name = ParseName();
        return new VariableNode(name) { Location = LocationFrom(start) };
    }

    private SelectionSetNode ParseSelectionSet()
    {
        using var scope = Nest();
        var start = _token;
        var selections = Many(TokenKind.BraceL, ParseSelection, TokenKind.BraceR);
        return new SelectionSetNode(selections) { Location = LocationFrom(start) };
    }

    private SelectionNode ParseSelection() => Peek(TokenKind.Spread) ? ParseFragment() : ParseField();

    private FieldNode ParseField()
    {
        var start = _token;
        var nameOrAlias = ParseName();
        Name? alias = null;
        Name name;
        if (Skip(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        else
        {
            name = nameOrAlias;
        }

        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.BraceL) ? ParseSelectionSet() : null;
        return new FieldNode(alias, name, arguments, directives, selectionSet) { Location = LocationFrom(start) };
    }

    private List<ArgumentNode> ParseArguments(bool isConst) =>
        OptionalMany(TokenKind.ParenL, () => ParseArgument(isConst), TokenKind.ParenR);

    private ArgumentNode ParseArgument(bool isConst)
    {
        var start = _token;
        var name = ParseName();
        Expect(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ArgumentNode(name, value) { Location = LocationFrom(start) };
    }

    private SelectionNode ParseFragment()
    {
        var start = _token;
        Expect(TokenKind.Spread);
        var hasTypeCondition = PeekKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            var spreadDirectives = ParseDirectives(isConst: false);
            return new FragmentSpreadNode(name, spreadDirectives) { Location = LocationFrom(start) };
        }

        NamedTypeNode? typeCondition = null;
        if (hasTypeCondition)
        {
            Advance();
            typeCondition = ParseNamedType();
        }

        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new InlineFragmentNode(typeCondition, directives, selectionSet) { Location = LocationFrom(start) };
    }

    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = _token;
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode(name, typeCondition, directives, selectionSet) { Location = LocationFrom(start) };
    }

    private Name ParseFragmentName()
    {
        if (PeekKeyword("on"))
        {
            throw Unexpected();
        }

        return ParseName();
    }

    private List<DirectiveNode> ParseDirectives(bool isConst)
    {
        List<DirectiveNode>? directives = null;
        while (Peek(TokenKind.At))
        {
            (directives ??= []).Add(ParseDirective(isConst));
        }

        return directives ?? [];
    }

    private DirectiveNode ParseDirective(bool isConst)
    {
        var start = _token;
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArguments(isConst);
        return new DirectiveNode(name, arguments) { Location = LocationFrom(start) };
    }

    private TypeNode ParseTypeReference()
    {
        using var scope = Nest();
        var start = _token;
        TypeNode type;
        if (Skip(TokenKind.BracketL))
        {
            var inner = ParseTypeReference();
            Expect(TokenKind.BracketR);
            type = new ListTypeNode(inner) { Location = LocationFrom(start) };
        }
        else
        {
            type = ParseNamedType();
        }

        if (Skip(TokenKind.Bang))
        {
            return new NonNullTypeNode(type) { Location = LocationFrom(start) };
        }

        return type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = _token;
        var name = ParseName();
        return new NamedTypeNode(name) { Location = LocationFrom(start) };
    }

    private ValueNode ParseValueLiteral(bool isConst)
    {
        var token = _token;
        switch (token.Kind)
        {
            case TokenKind.BracketL:
            {
                using var scope = Nest();
                var values = Any(TokenKind.BracketL, () => ParseValueLiteral(isConst), TokenKind.BracketR);
                return new ListValueNode(values) { Location = LocationFrom(token) };
            }

            case TokenKind.BraceL:
            {
                using var scope = Nest();
                var fields = Any(TokenKind.BraceL, () => ParseObjectField(isConst), TokenKind.BraceR);
                return new ObjectValueNode(fields) { Location = LocationFrom(token) };
            }

            case TokenKind.Int:
                Advance();
                return new IntValueNode(token.Value!) { Location = LocationFrom(token) };
            case TokenKind.Float:
                Advance();
                return new FloatValueNode(token.Value!) { Location = LocationFrom(token) };
            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                Advance();
                return token.Value switch
                {
                    "true" => new BooleanValueNode(true) { Location = LocationFrom(token) },
                    "false" => new BooleanValueNode(false) { Location = LocationFrom(token) },
                    "null" => new NullValueNode { Location = LocationFrom(token) },
                    _ => new EnumValueNode(token.Value!) { Location = LocationFrom(token) },
                };
            case TokenKind.Dollar:
                if (isConst)
                {
                    var next = LookAhead();
                    if (next.Kind == TokenKind.Name)
                    {
                        throw Error(token, $"Unexpected variable \"${next.Value}\" in constant value.");
                    }

                    throw Unexpected();
                }

                return ParseVariable();
            default:
                throw Unexpected();
        }
    }

    private ObjectFieldNode ParseObjectField(bool isConst)
    {
        var start = _token;
        var name = ParseName();
        Expect(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ObjectFieldNode(name, value) { Location = LocationFrom(start) };
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = _token;
        Advance();
        return new StringValueNode(token.Value!, token.Kind == TokenKind.BlockString) { Location = LocationFrom(token) };
    }
}
