using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Validation.Rules;

internal sealed partial class OverlappingFieldsCanBeMergedRule
{
    private FieldsAndFragments CollectFields(NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (_cache.TryGetValue((parentType, selectionSet), out var cached))
        {
            return cached;
        }

        var result = new FieldsAndFragments();
        var fragmentNames = new HashSet<string>(StringComparer.Ordinal);
        Collect(parentType, selectionSet, result, fragmentNames);
        _cache[(parentType, selectionSet)] = result;
        return result;
    }

    private FieldsAndFragments CollectFragmentFields(FragmentDefinitionNode fragment) =>
        CollectFields(TypeInfo.TypeFromAst(Context.Schema, fragment.TypeCondition)?.Named, fragment.SelectionSet);

    private void Collect(NamedType? parentType, SelectionSetNode selectionSet, FieldsAndFragments result, HashSet<string> fragmentNames)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var definition = parentType is FieldsType fields ? fields.GetField(field.Name.Value) : null;
                    var responseName = field.ResponseKey;
                    if (!result.ByName.TryGetValue(responseName, out var list))
                    {
                        list = [];
                        result.ByName[responseName] = list;
                        result.Grouped.Add((responseName, list));
                    }

                    list.Add(new FieldDetails(parentType, field, definition));
                    break;
                case FragmentSpreadNode spread:
                    if (fragmentNames.Add(spread.Name.Value))
                    {
                        result.FragmentNames.Add(spread.Name.Value);
                    }

                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is null ? parentType : TypeInfo.TypeFromAst(Context.Schema, inline.TypeCondition)?.Named;
                    Collect(inlineType, inline.SelectionSet, result, fragmentNames);
                    break;
            }
        }
    }

    /// <summary>A canonical text of a value for comparing arguments: object fields sorted, kinds kept apart.</summary>
    private string Stringify(ValueNode value)
    {
        if (_stringifiedValues.TryGetValue(value, out var cached))
        {
            return cached;
        }

        var text = value switch
        {
            VariableNode variable => "$" + variable.Name.Value,
            ObjectValueNode obj => "{" + string.Join(",", obj.Fields.OrderBy(f => f.Name.Value, StringComparer.Ordinal).Select(f => f.Name.Value + ":" + Stringify(f.Value))) + "}",
            ListValueNode list => "[" + string.Join(",", list.Values.Select(Stringify)) + "]",
            StringValueNode s => (s.Block ? "B" : "S") + Printer.PrintString(s.Value),
            IntValueNode i => "I" + i.Value,
            FloatValueNode f => "F" + f.Value,
            BooleanValueNode b => b.Value ? "true" : "false",
            NullValueNode => "null",
            EnumValueNode e => "E" + e.Value,
            _ => "?",
        };
        _stringifiedValues[value] = text;
        return text;
    }
}
