using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Execution;

public static partial class InputValues
{
    /// <summary>
    /// The value of a literal for an input type, with variables substituted; returns <see cref="IsInvalid"/>-detectable
    /// sentinel when the literal does not fit the type.
    /// </summary>
    internal static object? ValueFromAst(ValueNode? node, GraphQLType type, IReadOnlyDictionary<string, object?>? variables)
    {
        if (node is null)
        {
            return Invalid;
        }

        if (node is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out var variableValue))
            {
                return Invalid;
            }

            if (variableValue is null && type is NonNullType)
            {
                return Invalid;
            }

            return variableValue;
        }

        if (type is NonNullType nonNull)
        {
            return node is NullValueNode ? Invalid : ValueFromAst(node, nonNull.OfType, variables);
        }

        if (node is NullValueNode)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (node is ListValueNode listNode)
                {
                    var items = new List<object?>(listNode.Values.Count);
                    foreach (var itemNode in listNode.Values)
                    {
                        if (IsMissingVariable(itemNode, variables))
                        {
                            if (list.OfType is NonNullType)
                            {
                                return Invalid;
                            }

                            items.Add(null);
                            continue;
                        }

                        var item = ValueFromAst(itemNode, list.OfType, variables);
                        if (ReferenceEquals(item, Invalid))
                        {
                            return Invalid;
                        }

                        items.Add(item);
                    }

                    return items;
                }

                var single = ValueFromAst(node, list.OfType, variables);
                return ReferenceEquals(single, Invalid) ? Invalid : new List<object?> { single };
            case InputObjectType inputType:
                if (node is not ObjectValueNode objectNode)
                {
                    return Invalid;
                }

                var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in inputType.Fields)
                {
                    var fieldNode = objectNode.Fields.FirstOrDefault(f => f.Name.Value == field.Name);
                    if (fieldNode is null || IsMissingVariable(fieldNode.Value, variables))
                    {
                        if (field.HasDefaultValue)
                        {
                            result[field.Name] = field.CoercedDefaultValue;
                        }
                        else if (field.Type is NonNullType)
                        {
                            return Invalid;
                        }

                        continue;
                    }

                    var fieldValue = ValueFromAst(fieldNode.Value, field.Type, variables);
                    if (ReferenceEquals(fieldValue, Invalid))
                    {
                        return Invalid;
                    }

                    result[field.Name] = fieldValue;
                }

                if (inputType.IsOneOf && (result.Count != 1 || result.Values.First() is null))
                {
                    return Invalid;
                }

                return result;
            case EnumType enumType:
                return node is EnumValueNode enumNode && enumType.GetValue(enumNode.Value) is { } enumValue ? enumValue.Value : Invalid;
            case ScalarType scalar:
                try
                {
                    return scalar.ParseLiteralWithVariables(node, variables);
                }
                catch (GraphQLException)
                {
                    return Invalid;
                }

            default:
                return Invalid;
        }
    }

    internal static bool IsInvalid(object? value) => ReferenceEquals(value, Invalid);

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables) =>
        node is VariableNode variable && (variables is null || !variables.ContainsKey(variable.Name.Value));

    /// <summary>Coerces the arguments of a field or directive (spec 6.4.1 CoerceArgumentValues).</summary>
    internal static Dictionary<string, object?> CoerceArgumentValues(
        IReadOnlyList<InputValueDefinition> definitions,
        IReadOnlyList<ArgumentNode> arguments,
        IReadOnlyDictionary<string, object?>? variables,
        SyntaxNode owner)
    {
        var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var name = definition.Name;
            ArgumentNode? argument = null;
            foreach (var candidate in arguments)
            {
                if (candidate.Name.Value == name)
                {
                    argument = candidate;
                    break;
                }
            }

            if (argument is null)
            {
                if (definition.HasDefaultValue)
                {
                    coerced[name] = definition.CoercedDefaultValue;
                }
                else if (definition.Type is NonNullType)
                {
                    throw new GraphQLException($"Argument \"{name}\" of required type \"{definition.Type}\" was not provided.", [owner.Location.ToSourceLocation()], "BAD_USER_INPUT");
                }

                continue;
            }

            var valueNode = argument.Value;
            var isNull = valueNode is NullValueNode;
            if (valueNode is VariableNode variable)
            {
                if (variables is null || !variables.TryGetValue(variable.Name.Value, out var variableValue))
                {
                    if (definition.HasDefaultValue)
                    {
                        coerced[name] = definition.CoercedDefaultValue;
                    }
                    else if (definition.Type is NonNullType)
                    {
                        throw new GraphQLException(
                            $"Argument \"{name}\" of required type \"{definition.Type}\" was provided the variable \"${variable.Name.Value}\" which was not provided a runtime value.",
                            [valueNode.Location.ToSourceLocation()],
                            "BAD_USER_INPUT");
                    }

                    continue;
                }

                isNull = variableValue is null;
            }

            if (isNull && definition.Type is NonNullType)
            {
                throw new GraphQLException($"Argument \"{name}\" of non-null type \"{definition.Type}\" must not be null.", [valueNode.Location.ToSourceLocation()], "BAD_USER_INPUT");
            }

            var value = ValueFromAst(valueNode, definition.Type, variables);
            if (ReferenceEquals(value, Invalid))
            {
                throw new GraphQLException($"Argument \"{name}\" has invalid value {Printer.Print(valueNode)}.", [valueNode.Location.ToSourceLocation()], "BAD_USER_INPUT");
            }

            coerced[name] = value;
        }

        return coerced;
    }
}
