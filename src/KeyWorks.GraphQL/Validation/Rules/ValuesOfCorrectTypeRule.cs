using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Validation.Rules;

/// <summary>5.6.1 Literal values are valid for the input type expected where they appear.</summary>
internal sealed class ValuesOfCorrectTypeRule : ValidationRule
{
    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case ListValueNode list:
                if (Context.TypeInfo.ParentInputType?.Nullable is not ListType)
                {
                    CheckLeafValue(list);
                    return false;
                }

                break;
            case ObjectValueNode obj:
                if (Context.TypeInfo.InputType?.Named is not InputObjectType inputType)
                {
                    CheckLeafValue(obj);
                    return false;
                }

                var given = obj.Fields.GroupBy(f => f.Name.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                foreach (var field in inputType.Fields)
                {
                    if (!given.ContainsKey(field.Name) && field.Type.IsNonNull && !field.HasDefaultValue)
                    {
                        Context.ReportError($"Field \"{inputType.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.", obj);
                    }
                }

                if (inputType.IsOneOf)
                {
                    if (given.Count != 1)
                    {
                        Context.ReportError($"OneOf Input Object \"{inputType.Name}\" must specify exactly one key.", obj);
                    }
                    else if (given.Values.First().Value is NullValueNode)
                    {
                        Context.ReportError($"Field \"{inputType.Name}.{given.Keys.First()}\" must be non-null.", obj);
                    }
                }

                break;
            case ObjectFieldNode objectField:
                if (Context.TypeInfo.InputType is null && Context.TypeInfo.ParentInputType?.Named is InputObjectType parentType)
                {
                    var name = objectField.Name.Value;
                    Context.ReportError(
                        $"Field \"{name}\" is not defined by type \"{parentType.Name}\"." + Suggestions.DidYouMean(Suggestions.List(name, parentType.Fields.Select(f => f.Name))),
                        objectField);
                }

                break;
            case NullValueNode nullValue:
                if (Context.TypeInfo.InputType is NonNullType nonNull)
                {
                    Context.ReportError($"Expected value of type \"{nonNull}\", found null.", nullValue);
                }

                break;
            case EnumValueNode or IntValueNode or FloatValueNode or StringValueNode or BooleanValueNode:
                CheckLeafValue((ValueNode)node);
                break;
        }

        return true;
    }

    private void CheckLeafValue(ValueNode node)
    {
        var locationType = Context.TypeInfo.InputType;
        if (locationType is null)
        {
            return;
        }

        var type = locationType.Named;
        if (!type.IsLeaf)
        {
            Context.ReportError($"Expected value of type \"{locationType}\", found {Printer.Print(node)}.", node);
            return;
        }

        try
        {
            if (type is EnumType enumType)
            {
                CheckEnumValue(enumType, node);
            }
            else
            {
                ((ScalarType)type).ParseLiteral(node);
            }
        }
        catch (GraphQLException error)
        {
            Context.ReportError(error.Message, node);
        }
        catch (Exception error) when (error is FormatException or OverflowException or InvalidCastException or ArgumentException)
        {
            Context.ReportError($"Expected value of type \"{locationType}\", found {Printer.Print(node)}; {error.Message}", node);
        }
    }

    private static void CheckEnumValue(EnumType enumType, ValueNode node)
    {
        var text = Printer.Print(node);
        if (node is not EnumValueNode enumValue)
        {
            throw new GraphQLException($"Enum \"{enumType.Name}\" cannot represent non-enum value: {text}." + DidYouMeanEnumValue(enumType, text));
        }

        if (enumType.GetValue(enumValue.Value) is null)
        {
            throw new GraphQLException($"Value \"{text}\" does not exist in \"{enumType.Name}\" enum." + DidYouMeanEnumValue(enumType, text));
        }
    }

    internal static string DidYouMeanEnumValue(EnumType enumType, string text) =>
        Suggestions.DidYouMean(Suggestions.List(text, enumType.Values.Select(v => v.Name)), "the enum value");
}
