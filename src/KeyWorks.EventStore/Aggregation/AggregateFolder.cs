using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace KeyWorks.EventStore.Aggregation;

/// <summary>
/// Folds events into an aggregate type by convention: public instance <c>Apply(TEvent)</c> methods that return the new
/// state (immutable records) or void (mutable classes), and optionally public static <c>Create(TEvent)</c> methods for
/// the first event; otherwise the first state comes from a parameterless constructor. Events with no matching method
/// are skipped.
/// </summary>
internal static class AggregateFolder<T> where T : class
{
    private static readonly ConcurrentDictionary<Type, Func<T, object, T>?> Appliers = new();
    private static readonly ConcurrentDictionary<Type, Func<object, T>?> Creators = new();
    private static readonly Func<T>? Constructor = MakeConstructor();

    public static T? Fold(T? state, object data)
    {
        if (state is null)
        {
            var create = Creators.GetOrAdd(data.GetType(), MakeCreator);
            if (create is not null)
            {
                return create(data);
            }

            state = Constructor?.Invoke()
                ?? throw new InvalidOperationException($"{typeof(T).Name} needs a parameterless constructor or a static Create({data.GetType().Name}) method.");
        }

        var apply = Appliers.GetOrAdd(data.GetType(), MakeApplier);
        return apply is null ? state : apply(state, data);
    }

    private static Func<T>? MakeConstructor() =>
        typeof(T).GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is { } constructor
            ? Expression.Lambda<Func<T>>(Expression.New(constructor)).Compile()
            : null;

    private static Func<T, object, T>? MakeApplier(Type eventType)
    {
        var method = FindMethod("Apply", eventType, BindingFlags.Public | BindingFlags.Instance);
        if (method is null)
        {
            return null;
        }

        var state = Expression.Parameter(typeof(T), "state");
        var data = Expression.Parameter(typeof(object), "data");
        var call = Expression.Call(state, method, Expression.Convert(data, method.GetParameters()[0].ParameterType));
        Expression body = method.ReturnType == typeof(void)
            ? Expression.Block(call, state)
            : Expression.Convert(call, typeof(T));
        return Expression.Lambda<Func<T, object, T>>(body, state, data).Compile();
    }

    private static Func<object, T>? MakeCreator(Type eventType)
    {
        var method = FindMethod("Create", eventType, BindingFlags.Public | BindingFlags.Static);
        if (method is null || !typeof(T).IsAssignableFrom(method.ReturnType))
        {
            return null;
        }

        var data = Expression.Parameter(typeof(object), "data");
        var call = Expression.Call(method, Expression.Convert(data, method.GetParameters()[0].ParameterType));
        return Expression.Lambda<Func<object, T>>(Expression.Convert(call, typeof(T)), data).Compile();
    }

    private static MethodInfo? FindMethod(string name, Type eventType, BindingFlags flags) =>
        typeof(T).GetMethods(flags)
            .Where(m => m.Name == name && m.GetParameters() is [var p] && p.ParameterType.IsAssignableFrom(eventType))
            .OrderBy(m => m.GetParameters()[0].ParameterType == eventType ? 0 : 1)
            .FirstOrDefault();
}
