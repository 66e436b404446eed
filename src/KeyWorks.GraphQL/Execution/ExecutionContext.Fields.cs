using System.Collections;
using KeyWorks.GraphQL.Types;

namespace KeyWorks.GraphQL.Execution;

internal sealed partial class ExecutionContext
{
    /// <summary>Executes the fields of an object; pending fields run concurrently and are awaited together.</summary>
    private async ValueTask<object?> ExecuteSelectionSetAsync(ObjectType type, object? source, SelectionPlan plan, ResponsePath? path)
    {
        var map = new ResultMap(plan.Keys);
        var propagate = false;
        List<(int Index, Task<object?> Task)>? pending = null;
        request.Loaders.BeginWork();
        try
        {
            for (var i = 0; i < plan.Fields.Length; i++)
            {
                var field = plan.Fields[i];
                var result = ExecuteFieldAsync(type, source, field, path);
                if (result.IsCompletedSuccessfully)
                {
                    var value = result.Result;
                    if (ReferenceEquals(value, Propagate))
                    {
                        // The object is null now; its remaining fields are not executed.
                        propagate = true;
                        break;
                    }

                    map.Set(i, value);
                }
                else
                {
                    (pending ??= []).Add((i, result.AsTask()));
                }
            }
        }
        finally
        {
            request.Loaders.EndWork();
        }

        if (pending is not null)
        {
            await Task.WhenAll(pending.Select(p => (Task)p.Task)).ConfigureAwait(false);
            foreach (var (index, task) in pending)
            {
                var value = task.Result;
                if (ReferenceEquals(value, Propagate))
                {
                    propagate = true;
                }
                else
                {
                    map.Set(index, value);
                }
            }
        }

        return propagate ? Propagate : map;
    }

    /// <summary>Executes root mutation fields one after another, each completed before the next starts.</summary>
    private async ValueTask<object?> ExecuteSeriallyAsync(ObjectType type, object? source, SelectionPlan plan)
    {
        var map = new ResultMap(plan.Keys);
        for (var i = 0; i < plan.Fields.Length; i++)
        {
            var field = plan.Fields[i];
            var task = ExecuteFieldAsync(type, source, field, null);
            var value = task.IsCompletedSuccessfully ? task.Result : await task.ConfigureAwait(false);
            if (ReferenceEquals(value, Propagate))
            {
                return Propagate;
            }

            map.Set(i, value);
        }

        return map;
    }

    /// <summary>
    /// Waits for the operation, sending data loader batches whenever keys are queued and the executor has
    /// no synchronous work left that could queue more.
    /// </summary>
    private async Task<object?> RunWithLoadersAsync(Func<ValueTask<object?>> start)
    {
        var loaders = request.Loaders;
        ValueTask<object?> root;
        loaders.BeginWork();
        try
        {
            root = start();
        }
        finally
        {
            loaders.EndWork();
        }

        if (root.IsCompletedSuccessfully)
        {
            return root.Result;
        }

        var task = root.AsTask();
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, loaders.WhenDispatchable()).ConfigureAwait(false);
            loaders.DispatchAll();
        }

        return await task.ConfigureAwait(false);
    }

    private ValueTask<object?> ExecuteFieldAsync(ObjectType type, object? source, FieldPlan field, ResponsePath? parentPath)
    {
        if (field.IsTypeName)
        {
            return new ValueTask<object?>(type.Name);
        }

        var definition = field.Definition!;
        if (definition.Resolver is null && field.ArgumentError is null && definition.Type.Nullable is ScalarType or EnumType)
        {
            // The common case of a property read into a leaf: no context, and a response path only if it fails.
            return new ValueTask<object?>(ResolveLeaf(type, source, field, parentPath));
        }

        var path = parentPath is null ? ResponsePath.Root(field.Key) : parentPath.Field(field.Key);
        ValueTask<object?> resolved;
        try
        {
            if (field.ArgumentError is { } argumentError)
            {
                throw argumentError;
            }

            request.CancellationToken.ThrowIfCancellationRequested();
            resolved = definition.Resolver is { } resolver
                ? resolver(new FieldContext(source, field.Arguments!, definition, type, field.Nodes, path, request, schema))
                : new ValueTask<object?>(field.Read(source));
        }
        catch (Exception error)
        {
            AddError(error, field, path);
            return new ValueTask<object?>(definition.Type is NonNullType ? Propagate : null);
        }

        if (resolved.IsCompletedSuccessfully)
        {
            return CompleteAsync(definition.Type, field, path, resolved.Result);
        }

        return AwaitAndCompleteAsync(resolved, definition, field, path);
    }

    private object? ResolveLeaf(ObjectType type, object? source, FieldPlan field, ResponsePath? parentPath)
    {
        var definition = field.Definition!;
        object? value;
        try
        {
            value = field.Read(source);
            if (value is not null)
            {
                value = definition.Type.Named is ScalarType scalar
                    ? scalar.Serialize(value)
                    : ((EnumType)definition.Type.Named).FindByInternalValue(value)?.Name
                        ?? throw new GraphQLException($"Enum \"{definition.Type.Named.Name}\" cannot represent value: {ValueLiterals.Inspect(value)}");
            }
        }
        catch (Exception error)
        {
            AddError(error, field, parentPath is null ? ResponsePath.Root(field.Key) : parentPath.Field(field.Key));
            return definition.Type is NonNullType ? Propagate : null;
        }

        if (value is null && definition.Type is NonNullType)
        {
            var path = parentPath is null ? ResponsePath.Root(field.Key) : parentPath.Field(field.Key);
            AddError($"Cannot return null for non-nullable field {type.Name}.{definition.Name}.", field, path);
            return Propagate;
        }

        return value;
    }

    private async ValueTask<object?> AwaitAndCompleteAsync(ValueTask<object?> resolved, FieldDefinition definition, FieldPlan field, ResponsePath path)
    {
        object? value;
        try
        {
            value = await resolved.ConfigureAwait(false);
        }
        catch (Exception error)
        {
            AddError(error, field, path);
            return definition.Type is NonNullType ? Propagate : null;
        }

        return await CompleteAsync(definition.Type, field, path, value).ConfigureAwait(false);
    }

    /// <summary>CompleteValue of the spec: non-null checks, lists, leaves and objects; errors become nulls that propagate.</summary>
    private ValueTask<object?> CompleteAsync(GraphQLType type, FieldPlan field, ResponsePath path, object? value)
    {
        ValueTask<object?> inner;
        try
        {
            inner = CompleteInnerAsync(type.Nullable, field, path, value);
        }
        catch (Exception error)
        {
            AddError(error, field, path);
            return new ValueTask<object?>(type is NonNullType ? Propagate : null);
        }

        if (inner.IsCompletedSuccessfully)
        {
            return new ValueTask<object?>(Settle(type, field, path, inner.Result));
        }

        return SettleAsync(type, field, path, inner);
    }

    private async ValueTask<object?> SettleAsync(GraphQLType type, FieldPlan field, ResponsePath path, ValueTask<object?> inner)
    {
        object? result;
        try
        {
            result = await inner.ConfigureAwait(false);
        }
        catch (Exception error)
        {
            AddError(error, field, path);
            return type is NonNullType ? Propagate : null;
        }

        return Settle(type, field, path, result);
    }

    private object? Settle(GraphQLType type, FieldPlan field, ResponsePath path, object? result)
    {
        if (type is NonNullType)
        {
            if (result is null)
            {
                AddError($"Cannot return null for non-nullable field {field.ParentType.Name}.{field.Definition!.Name}.", field, path);
                return Propagate;
            }

            return result;
        }

        return ReferenceEquals(result, Propagate) ? null : result;
    }

    private ValueTask<object?> CompleteInnerAsync(GraphQLType type, FieldPlan field, ResponsePath path, object? value)
    {
        if (value is null)
        {
            return new ValueTask<object?>((object?)null);
        }

        switch (type)
        {
            case ListType list:
                return CompleteListAsync(list.OfType, field, path, value);
            case ScalarType scalar:
                return new ValueTask<object?>(scalar.Serialize(value));
            case EnumType enumType:
                var enumValue = enumType.FindByInternalValue(value)
                    ?? throw new GraphQLException($"Enum \"{enumType.Name}\" cannot represent value: {ValueLiterals.Inspect(value)}");
                return new ValueTask<object?>(enumValue.Name);
            case ObjectType objectType:
                return ExecuteSelectionSetAsync(objectType, value, field.SubPlan(this, objectType), path);
            default:
                var runtimeType = ResolveRuntimeType((NamedType)type, value, field, path);
                return ExecuteSelectionSetAsync(runtimeType, value, field.SubPlan(this, runtimeType), path);
        }
    }

    private ValueTask<object?> CompleteListAsync(GraphQLType itemType, FieldPlan field, ResponsePath path, object value)
    {
        if (value is string || value is not IEnumerable items || value is IReadOnlyDictionary<string, object?>)
        {
            throw new GraphQLException($"Expected Iterable, but did not find one for field \"{field.ParentType.Name}.{field.Definition!.Name}\".");
        }

        var results = items is ICollection collection ? new List<object?>(collection.Count) : [];
        List<(int Index, Task<object?> Task)>? pending = null;
        var propagate = false;
        var index = 0;
        request.Loaders.BeginWork();
        try
        {
            foreach (var item in items)
            {
                var itemPath = path.Index(index);
                var completed = CompleteAsync(itemType, field, itemPath, item);
                if (completed.IsCompletedSuccessfully)
                {
                    results.Add(completed.Result);
                    if (ReferenceEquals(completed.Result, Propagate))
                    {
                        // The list is null now; its remaining items are not completed.
                        propagate = true;
                        break;
                    }
                }
                else
                {
                    results.Add(null);
                    (pending ??= []).Add((index, completed.AsTask()));
                }

                index++;
            }
        }
        finally
        {
            request.Loaders.EndWork();
        }

        if (pending is null)
        {
            return new ValueTask<object?>(propagate ? Propagate : results);
        }

        return AwaitListAsync(results, pending, propagate);
    }

    private async ValueTask<object?> AwaitListAsync(List<object?> results, List<(int Index, Task<object?> Task)> pending, bool propagate)
    {
        await Task.WhenAll(pending.Select(p => (Task)p.Task)).ConfigureAwait(false);
        foreach (var (index, task) in pending)
        {
            propagate |= ReferenceEquals(task.Result, Propagate);
            results[index] = task.Result;
        }

        return propagate ? Propagate : results;
    }

    private ObjectType ResolveRuntimeType(NamedType abstractType, object value, FieldPlan field, ResponsePath path)
    {
        string? name = null;
        if (schema.TypeResolvers.TryGetValue(abstractType.Name, out var resolver))
        {
            name = resolver(value, new FieldContext(value, field.Arguments ?? EmptyArguments, field.Definition!, field.ParentType, field.Nodes, path, request, schema));
        }
        else if (value is IReadOnlyDictionary<string, object?> map && map.TryGetValue("__typename", out var typename))
        {
            name = typename as string;
        }
        else if (schema.ClrTypes.TryGetValue(value.GetType(), out var bound))
        {
            name = bound;
        }
        else
        {
            var clrName = value.GetType().Name;
            name = schema.GetPossibleTypes(abstractType).FirstOrDefault(t => t.Name == clrName)?.Name;
        }

        var parentName = field.ParentType.Name + "." + field.Definition!.Name;
        if (name is null)
        {
            throw new GraphQLException(
                $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{parentName}\". Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.");
        }

        var runtimeType = schema.GetType(name);
        if (runtimeType is null)
        {
            throw new GraphQLException($"Abstract type \"{abstractType.Name}\" was resolved to a type \"{name}\" that does not exist inside the schema.");
        }

        if (runtimeType is not ObjectType objectType)
        {
            throw new GraphQLException($"Abstract type \"{abstractType.Name}\" was resolved to a non-object type \"{name}\".");
        }

        if (!schema.IsSubType(abstractType, objectType))
        {
            throw new GraphQLException($"Runtime Object type \"{name}\" is not a possible type for \"{abstractType.Name}\".");
        }

        return objectType;
    }
}
