using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace KeyWorks.GraphQL.Execution;

/// <summary>
/// The resolver of fields bound to nothing: the source's dictionary entry, or its public property or
/// parameterless method, named like the field (matching case-insensitively, so <c>startsOn</c> finds <c>StartsOn</c>).
/// </summary>
public static class DefaultResolver
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Accessors = new();

    public static object? Resolve(object? source, string fieldName)
    {
        switch (source)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> map:
                return map.TryGetValue(fieldName, out var value) ? value : null;
            case IDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(fieldName, out var entry) ? entry : null;
        }

        var accessor = Accessors.GetOrAdd((source.GetType(), fieldName), static key => CreateAccessor(key.Item1, key.Item2));
        return accessor?.Invoke(source);
    }

    internal static Func<object, object?>? Accessor(Type type, string name) =>
        Accessors.GetOrAdd((type, name), static key => CreateAccessor(key.Item1, key.Item2));

    private static Func<object, object?>? CreateAccessor(Type type, string name)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;
        var parameter = Expression.Parameter(typeof(object), "source");
        var typed = Expression.Convert(parameter, type);
        Expression? member = null;
        if (type.GetProperty(name, flags) is { CanRead: true } property && property.GetIndexParameters().Length == 0)
        {
            member = Expression.Property(typed, property);
        }
        else if (type.GetField(name, flags) is { } field)
        {
            member = Expression.Field(typed, field);
        }
        else if (type.GetMethod(name, flags, Type.EmptyTypes) is { ReturnType: var returnType } method && returnType != typeof(void))
        {
            member = Expression.Call(typed, method);
        }

        if (member is null)
        {
            return null;
        }

        return Expression.Lambda<Func<object, object?>>(Expression.Convert(member, typeof(object)), parameter).Compile();
    }
}
