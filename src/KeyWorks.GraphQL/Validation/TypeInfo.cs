using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Validation;

/// <summary>
/// Tracks, while a document is walked, the types in scope: the parent composite type, the field and its
/// type, the directive and argument, and the input type expected at the current value.
/// </summary>
public sealed class TypeInfo(Schema schema)
{
    private readonly List<GraphQLType?> _typeStack = [];
    private readonly List<NamedType?> _parentTypeStack = [];
    private readonly List<GraphQLType?> _inputTypeStack = [];
    private readonly List<FieldDefinition?> _fieldDefStack = [];
    private readonly List<ValueNode?> _defaultValueStack = [];

    public Schema Schema => schema;

    public GraphQLType? Type => Peek(_typeStack);

    public NamedType? ParentType => Peek(_parentTypeStack);

    public GraphQLType? InputType => Peek(_inputTypeStack);

    public GraphQLType? ParentInputType => _inputTypeStack.Count >= 2 ? _inputTypeStack[^2] : null;

    public FieldDefinition? FieldDef => Peek(_fieldDefStack);

    public ValueNode? DefaultValue => Peek(_defaultValueStack);

    public DirectiveDefinition? Directive { get; private set; }

    public InputValueDefinition? Argument { get; private set; }

    public EnumValueDefinition? EnumValue { get; private set; }

    private static T? Peek<T>(List<T?> stack)
        where T : class => stack.Count > 0 ? stack[^1] : null;

    /// <summary>The field definition for a field name on a parent type, including the introspection meta-fields.</summary>
    public static FieldDefinition? GetFieldDef(Schema schema, NamedType parentType, string name)
    {
        if (name == "__typename" && parentType.IsComposite)
        {
            return Introspection.MetaFields.TypeName;
        }

        if (parentType == schema.QueryType)
        {
            if (name == "__schema")
            {
                return Introspection.MetaFields.Schema;
            }

            if (name == "__type")
            {
                return Introspection.MetaFields.Type;
            }
        }

        return parentType is FieldsType fields ? fields.GetField(name) : null;
    }

    /// <summary>The schema type a type reference names, or null when a name is unknown.</summary>
    public static GraphQLType? TypeFromAst(Schema schema, TypeNode node) => node switch
    {
        NamedTypeNode named => schema.GetType(named.Name.Value),
        ListTypeNode list => TypeFromAst(schema, list.Type) is { } inner ? new ListType(inner) : null,
        NonNullTypeNode nonNull => TypeFromAst(schema, nonNull.Type) is { } inner and not NonNullType ? new NonNullType(inner) : null,
        _ => null,
    };

    public void Enter(SyntaxNode node)
    {
        switch (node)
        {
            case SelectionSetNode:
                var named = Type?.Named;
                _parentTypeStack.Add(named is { IsComposite: true } ? named : null);
                break;
            case FieldNode field:
                var parent = ParentType;
                var fieldDef = parent is null ? null : GetFieldDef(schema, parent, field.Name.Value);
                _fieldDefStack.Add(fieldDef);
                _typeStack.Add(fieldDef?.Type is { IsOutputType: true } fieldType ? fieldType : null);
                break;
            case DirectiveNode directive:
                Directive = schema.GetDirective(directive.Name.Value);
                break;
            case OperationDefinitionNode operation:
                _typeStack.Add(schema.GetRootType(operation.Operation));
                break;
            case InlineFragmentNode inline:
                var inlineType = inline.TypeCondition is null ? Type?.Named : TypeFromAst(schema, inline.TypeCondition);
                _typeStack.Add(inlineType is { IsOutputType: true } ? inlineType : null);
                break;
            case FragmentDefinitionNode fragment:
                var fragmentType = TypeFromAst(schema, fragment.TypeCondition);
                _typeStack.Add(fragmentType is { IsOutputType: true } ? fragmentType : null);
                break;
            case VariableDefinitionNode variable:
                var variableType = TypeFromAst(schema, variable.Type);
                _inputTypeStack.Add(variableType is { IsInputType: true } ? variableType : null);
                break;
            case ArgumentNode argument:
                InputValueDefinition? argDef = null;
                if (Directive is not null)
                {
                    argDef = Directive.GetArgument(argument.Name.Value);
                }
                else if (FieldDef is not null)
                {
                    argDef = FieldDef.GetArgument(argument.Name.Value);
                }

                Argument = argDef;
                _defaultValueStack.Add(argDef?.DefaultValue);
                _inputTypeStack.Add(argDef?.Type is { IsInputType: true } argType ? argType : null);
                break;
            case ListValueNode:
                var listType = InputType?.Nullable;
                var itemType = listType is ListType list ? list.OfType : listType;
                _defaultValueStack.Add(null);
                _inputTypeStack.Add(itemType is { IsInputType: true } ? itemType : null);
                break;
            case ObjectFieldNode objectField:
                InputValueDefinition? inputField = InputType?.Named is InputObjectType inputObject ? inputObject.GetField(objectField.Name.Value) : null;
                _defaultValueStack.Add(inputField?.DefaultValue);
                _inputTypeStack.Add(inputField?.Type is { IsInputType: true } inputFieldType ? inputFieldType : null);
                break;
            case EnumValueNode enumValue:
                EnumValue = InputType?.Named is EnumType enumType ? enumType.GetValue(enumValue.Value) : null;
                break;
        }
    }

    public void Leave(SyntaxNode node)
    {
        switch (node)
        {
            case SelectionSetNode:
                Pop(_parentTypeStack);
                break;
            case FieldNode:
                Pop(_fieldDefStack);
                Pop(_typeStack);
                break;
            case DirectiveNode:
                Directive = null;
                break;
            case OperationDefinitionNode:
            case InlineFragmentNode:
            case FragmentDefinitionNode:
                Pop(_typeStack);
                break;
            case VariableDefinitionNode:
                Pop(_inputTypeStack);
                break;
            case ArgumentNode:
                Argument = null;
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case ListValueNode:
            case ObjectFieldNode:
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case EnumValueNode:
                EnumValue = null;
                break;
        }
    }

    private static void Pop<T>(List<T> stack)
    {
        if (stack.Count > 0)
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }
}
