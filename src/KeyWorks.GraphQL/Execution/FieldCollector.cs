using KeyWorks.GraphQL.Language;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Execution;

/// <summary>CollectFields of the spec (6.3.2): fields grouped by response key, honouring @skip, @include and type conditions.</summary>
internal static class FieldCollector
{
    /// <summary>
    /// Collects fields for validation purposes, where variables have no values: a @skip or @include whose
    /// condition is a variable leaves the selection in.
    /// </summary>
    public static List<KeyValuePair<string, List<FieldNode>>> CollectForValidation(
        Schema schema,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        ObjectType type,
        SelectionSetNode selectionSet)
    {
        var grouped = new List<KeyValuePair<string, List<FieldNode>>>();
        var index = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Collect(schema, fragments, type, selectionSet, null, grouped, index, visited);
        return grouped;
    }

    /// <summary>Collects the fields of a selection set for an object type, with the request's variable values.</summary>
    public static void Collect(
        Schema schema,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        ObjectType type,
        SelectionSetNode selectionSet,
        IReadOnlyDictionary<string, object?>? variables,
        List<KeyValuePair<string, List<FieldNode>>> grouped,
        Dictionary<string, List<FieldNode>> index,
        HashSet<string> visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (!ShouldInclude(selection.Directives, variables))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    var key = field.ResponseKey;
                    if (!index.TryGetValue(key, out var list))
                    {
                        list = [];
                        index[key] = list;
                        grouped.Add(new(key, list));
                    }

                    list.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is null || DoesFragmentConditionMatch(schema, inline.TypeCondition, type))
                    {
                        Collect(schema, fragments, type, inline.SelectionSet, variables, grouped, index, visitedFragments);
                    }

                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (!visitedFragments.Add(name) || !fragments.TryGetValue(name, out var fragment))
                    {
                        continue;
                    }

                    if (DoesFragmentConditionMatch(schema, fragment.TypeCondition, type))
                    {
                        Collect(schema, fragments, type, fragment.SelectionSet, variables, grouped, index, visitedFragments);
                    }

                    break;
            }
        }
    }

    private static bool DoesFragmentConditionMatch(Schema schema, NamedTypeNode condition, ObjectType type)
    {
        var conditionType = schema.GetType(condition.Name.Value);
        if (conditionType is null)
        {
            return false;
        }

        if (conditionType == type)
        {
            return true;
        }

        return conditionType.IsAbstract && schema.IsSubType(conditionType, type);
    }

    /// <summary>False when @skip(if: true) or @include(if: false) applies.</summary>
    public static bool ShouldInclude(IReadOnlyList<DirectiveNode> directives, IReadOnlyDictionary<string, object?>? variables)
    {
        if (directives.Count == 0)
        {
            return true;
        }

        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (name is not ("skip" or "include"))
            {
                continue;
            }

            var argument = directive.Arguments.FirstOrDefault(a => a.Name.Value == "if")?.Value;
            bool? condition = argument switch
            {
                BooleanValueNode b => b.Value,
                VariableNode v when variables is not null && variables.TryGetValue(v.Name.Value, out var value) => value as bool?,
                _ => null,
            };
            if (condition is null)
            {
                continue;
            }

            if ((name == "skip" && condition.Value) || (name == "include" && !condition.Value))
            {
                return false;
            }
        }

        return true;
    }
}
