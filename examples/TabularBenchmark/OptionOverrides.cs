using System.Globalization;
using System.Reflection;

namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>
/// Settings of an options object given as text, such as <c>HiddenLayers=256,256;BatchSize=256;OptimizerSettings.Beta2=0.95</c>,
/// applied by reflection on the public properties' names, so the benchmark needs no change when the options class gains or
/// renames a property. A value is parsed for the property's type: numbers (invariant culture), <c>true</c>/<c>false</c>, an
/// enum member's name, <c>null</c> for a nullable property, a comma-separated array (empty for an empty array), or a call
/// of a public static member of the property's type, such as <c>LearningRateSchedule=Constant()</c> or <c>Step(30,0.1)</c>.
/// A dotted name sets a property of a nested object (a copy of it, so shared defaults are never changed).
/// </summary>
internal sealed class OptionOverrides
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> _settings;

    private OptionOverrides(IReadOnlyList<KeyValuePair<string, string>> settings) => _settings = settings;

    /// <summary>No settings.</summary>
    public static OptionOverrides None { get; } = new([]);

    /// <summary>True when there is nothing to set.</summary>
    public bool IsEmpty => _settings.Count == 0;

    /// <summary>Parses <c>Name=Value;Name=Value</c>; empty text gives <see cref="None"/>.</summary>
    /// <exception cref="ArgumentException">A setting has no <c>=</c> or no name, or a name is set twice.</exception>
    public static OptionOverrides Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var settings = new List<KeyValuePair<string, string>>();
        foreach (string part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"The setting '{part}' should read Name=Value.", nameof(text));
            }

            string name = part[..equals].Trim();
            if (settings.Any(setting => setting.Key == name))
            {
                throw new ArgumentException($"The option {name} is set twice in '{text}'.", nameof(text));
            }

            settings.Add(KeyValuePair.Create(name, part[(equals + 1)..].Trim()));
        }

        return new OptionOverrides(settings);
    }

    /// <summary>Sets every property on <paramref name="target"/>, in order.</summary>
    /// <exception cref="ArgumentException">A property does not exist (the message lists those that do) or a value does not parse for its type.</exception>
    public void ApplyTo(object target)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var (name, value) in _settings)
        {
            Set(target, name.Split('.'), value, name);
        }
    }

    /// <summary>The settings as given, such as <c>HiddenLayers=256,256; BatchSize=256</c>.</summary>
    public override string ToString() => string.Join("; ", _settings.Select(setting => $"{setting.Key}={setting.Value}"));

    private static void Set(object target, ReadOnlySpan<string> path, string value, string fullName)
    {
        var property = WritableProperty(target.GetType(), path[0], fullName);
        if (path.Length == 1)
        {
            property.SetValue(target, Convert(value, property.PropertyType, fullName));
            return;
        }

        object nested = property.GetValue(target) ?? throw new ArgumentException($"The option {fullName} cannot be set: {path[0]} is null.");
        object copy = MemberwiseCopy(nested);
        Set(copy, path[1..], value, fullName);
        property.SetValue(target, copy);
    }

    private static PropertyInfo WritableProperty(Type type, string name, string fullName)
    {
        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
        if (property is { CanWrite: true } && property.SetMethod!.IsPublic)
        {
            return property;
        }

        var names = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true).Select(p => p.Name).Order(StringComparer.Ordinal);
        throw new ArgumentException($"{type.Name} has no settable property '{name}' (in '{fullName}'); it has: {string.Join(", ", names)}.");
    }

    private static object MemberwiseCopy(object value)
    {
        var clone = typeof(object).GetMethod(nameof(MemberwiseClone), BindingFlags.Instance | BindingFlags.NonPublic)!;
        return clone.Invoke(value, null)!;
    }

    private static object? Convert(string text, Type type, string name)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return text == "null" ? null : Convert(text, underlying, name);
        }

        if (!type.IsValueType && text == "null")
        {
            return null;
        }

        try
        {
            return ConvertCore(text, type, name);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            throw new ArgumentException($"The option {name} needs a {type.Name} but got '{text}': {e.Message}", e);
        }
    }

    private static object? ConvertCore(string text, Type type, string name)
    {
        if (type == typeof(string))
        {
            return text;
        }

        if (type.IsEnum)
        {
            return Enum.TryParse(type, text, ignoreCase: true, out object? member) && Enum.IsDefined(type, member!)
                ? member
                : throw new ArgumentException($"The option {name} needs one of {string.Join(", ", Enum.GetNames(type))} but got '{text}'.");
        }

        if (type.IsArray)
        {
            var itemType = type.GetElementType()!;
            string[] items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var array = Array.CreateInstance(itemType, items.Length);
            for (int i = 0; i < items.Length; i++)
            {
                array.SetValue(Convert(items[i], itemType, name), i);
            }

            return array;
        }

        if (typeof(IConvertible).IsAssignableFrom(type))
        {
            return System.Convert.ChangeType(text, type, CultureInfo.InvariantCulture);
        }

        return StaticMember(text, type, name);
    }

    private static object? StaticMember(string text, Type type, string name)
    {
        int open = text.IndexOf('(', StringComparison.Ordinal);
        string member = open < 0 ? text : text[..open].Trim();
        if (open < 0)
        {
            var property = type.GetProperty(member, BindingFlags.Public | BindingFlags.Static);
            return property is not null && type.IsAssignableFrom(property.PropertyType)
                ? property.GetValue(null)
                : throw new ArgumentException($"The option {name} needs a {type.Name}; '{text}' is not one of its static properties (or write a call such as Name(arguments)).");
        }

        if (!text.EndsWith(')'))
        {
            throw new ArgumentException($"The option {name} has an unclosed call '{text}'.");
        }

        string inside = text[(open + 1)..^1];
        string[] arguments = inside.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var method = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == member && m.GetParameters().Length == arguments.Length && type.IsAssignableFrom(m.ReturnType))
            ?? throw new ArgumentException($"The option {name} needs a {type.Name}; it has no public static {member} taking {arguments.Length} argument(s).");
        var parameters = method.GetParameters();
        object?[] values = [.. arguments.Select((argument, i) => Convert(argument, parameters[i].ParameterType, name))];
        return method.Invoke(null, values);
    }
}
